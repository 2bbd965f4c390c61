// The dashboard: the confirm screen, the live scan, then the result views. State lives in the two
// reducers (scan, view); this component picks the screen, maps keys to commands and runs them.

import { useCallback, useMemo, useReducer, useRef } from 'react';
import { useApp, useInput, useStdin } from 'ink';
import type { Lang } from '../../model.js';
import { commandForKey, type Command, type KeyPress } from '../keymap.js';
import { DEFAULT_QUESTIONS } from '../questions.js';
import { answerableFinding, resultData, settledAnswer, sortDevicesByRisk } from '../result-model.js';
import { hasResults } from '../scan-state.js';
import { adviceScreenLines } from '../screens/advice-screen.js';
import { answeredOn } from '../result-model.js';
import { confirmLines } from '../screens/confirm-screen.js';
import { deviceDetailLines } from '../screens/device-detail.js';
import { deviceTableLines } from '../screens/device-table.js';
import { findingsScreenLines } from '../screens/findings-screen.js';
import { helpLines } from '../screens/help-screen.js';
import type { Line } from '../screens/line.js';
import { progressLines } from '../screens/progress-screen.js';
import { scanProblemLines } from '../screens/scan-problems.js';
import { t } from '../strings.js';
import { wrap } from '../text-layout.js';
import type { DashboardOutcome, DashboardProps } from '../types.js';
import { useScan } from '../use-scan.js';
import { useClock, useTerminalSize } from '../use-terminal.js';
import { initialViewState, viewReducer, type Notice, type ViewState } from '../view-state.js';
import { Screen, type Tab } from './Screen.js';

/** Title bar, notice line, keys line, and one spare row so ink never fills the whole terminal. */
const CHROME_ROWS = 4;
/** Room kept right of the notice's first row for the scroll position ("120-143/300"). */
const POSITION_ROOM = 13;
const DEFAULT_REPORT_PATHS = { html: 'homeaudit-report.html', markdown: 'homeaudit-report.md' };

export interface DashboardComponentProps extends DashboardProps {
  onExit(outcome: DashboardOutcome): void;
}

export function Dashboard(props: DashboardComponentProps) {
  const { plan, runAudit, writeReports, saveAnswer, onExit } = props;
  const colour = props.colour ?? true;
  // Without a way to save answers, no finding offers to take one.
  const questions = saveAnswer ? (props.questions ?? DEFAULT_QUESTIONS) : [];
  const now = useMemo(() => props.now ?? Date.now, [props.now]);
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const scan = useScan(runAudit, { autoStart: Boolean(props.yes), now });
  const [view, dispatchView] = useReducer(viewReducer, props.lang, initialViewState);
  const scanState = scan.state;
  const running = scanState.phase === 'running' || scanState.phase === 'stopping';
  const time = useClock(running, now);
  const lang: Lang = view.lang;
  const results = hasResults(scanState);
  const data = resultData(scanState);
  const sorted = useMemo(() => sortDevicesByRisk(data.devices, data.findings), [data.devices, data.findings]);
  const width = Math.max(20, columns);
  const notice = noticeFor(view.notice, scanState, lang);
  // The notice wraps (a written report's whole path); the body gives up the rows it needs.
  const noticeLines = notice ? wrap(notice.text, Math.max(10, width - POSITION_ROOM)) : [];
  const bodyHeight = Math.max(3, rows - CHROME_ROWS - Math.max(0, noticeLines.length - 1));
  const selectedDevice = sorted[Math.min(view.selected, sorted.length - 1)];

  const body: Line[] = useMemo(() => {
    // With --yes the scan starts in an effect after the first render: show the scan screen from the first frame.
    if ((scanState.phase === 'confirm' && !props.yes) || scanState.phase === 'cancelled') return confirmLines(plan, lang, width);
    if (!results) return progressLines(scanState, { lang, width, height: bodyHeight, now: time, colour });
    return resultLines(view, { sorted, data, selectedDevice, questions, lang, width, bodyHeight, colour });
  }, [scanState, results, view, sorted, data, selectedDevice, questions, lang, width, bodyHeight, colour, plan, time, props.yes]);

  const scrolls = results && view.view !== 'devices';
  const maxScroll = scrolls ? Math.max(0, body.length - bodyHeight) : 0;
  const offset = Math.min(scrolls ? view.scroll : 0, maxScroll);

  const latest = useRef({ scanState, data, sorted, selectedDevice, lang });
  latest.current = { scanState, data, sorted, selectedDevice, lang };

  const notify = useCallback((notice: Notice | null) => dispatchView({ type: 'notice', notice }), []);

  const quit = useCallback(
    (cancelled = false) => {
      const { scanState: current } = latest.current;
      onExit({ result: current.result, aborted: cancelled || current.aborted || current.phase === 'cancelled' });
      exit();
    },
    [exit, onExit],
  );

  const exportReports = useCallback(async () => {
    const { scanState: current, lang: language } = latest.current;
    if (!writeReports || !current.result) return notify({ key: 'exportUnavailable', tone: 'error' });
    notify({ key: 'exporting', tone: 'info' });
    const paths = props.reportPaths ?? DEFAULT_REPORT_PATHS;
    try {
      const written = await writeReports(current.result, { ...paths, lang: language });
      notify({ key: 'exported', params: { paths: written.join(', ') }, tone: 'info' });
    } catch (error) {
      notify({ key: 'exportFailed', params: { error: (error as Error).message ?? String(error) }, tone: 'error' });
    }
  }, [writeReports, props.reportPaths, notify]);

  /** `a`: ask first; the answer is saved only after y. */
  const askAnswer = useCallback(() => {
    const { selectedDevice: device, data: current, lang: language } = latest.current;
    const open = device ? answerableFinding(device.id, current.findings, questions) : undefined;
    if (!device || !open || !saveAnswer) return notify({ key: 'nothingToAnswer', tone: 'error' });
    dispatchView({ type: 'confirm-answer', asking: true, notice: { key: 'confirmAnswer', params: { prompt: open.question.prompt[language] }, tone: 'info' } });
  }, [questions, saveAnswer, notify]);

  /** Saves (value) or takes back (null) the answer to the selected device's question, keeping it selected. */
  const recordAnswer = useCallback(
    async (undo: boolean) => {
      const { selectedDevice: device, data: current } = latest.current;
      dispatchView({ type: 'confirm-answer', asking: false, notice: null });
      const target = device ? (undo ? settledAnswer(device.id, current.findings, questions) : answerableFinding(device.id, current.findings, questions)) : undefined;
      if (!device || !target || !saveAnswer) return notify({ key: undo ? 'nothingToUndo' : 'nothingToAnswer', tone: 'error' });
      notify({ key: 'saving', tone: 'info' });
      try {
        const updated = await saveAnswer(device.id, target.question.questionId, undo ? null : target.question.value);
        scan.applyResult(updated);
        // The device may move in the risk order once its finding is settled: keep it selected.
        const index = sortDevicesByRisk(updated.devices, updated.findings).findIndex((candidate) => candidate.id === device.id);
        if (index >= 0) dispatchView({ type: 'select', index, count: updated.devices.length });
        notify({ key: undo ? 'undone' : 'saved', tone: 'info' });
      } catch (error) {
        notify({ key: 'saveFailed', params: { error: (error as Error).message ?? String(error) }, tone: 'error' });
      }
    },
    [questions, saveAnswer, notify, scan],
  );

  const run = (command: Command): void => {
    switch (command.type) {
      case 'confirm':
        return scan.start();
      case 'cancel':
        scan.cancel();
        return quit(true);
      case 'stop-scan':
        return scan.stop();
      case 'quit':
        return quit();
      case 'export':
        void exportReports();
        return;
      case 'answer':
        return askAnswer();
      case 'answer-confirmed':
        void recordAnswer(false);
        return;
      case 'answer-cancelled':
        return dispatchView({ type: 'confirm-answer', asking: false, notice: { key: 'answerNotSaved', tone: 'info' } });
      case 'undo-answer':
        void recordAnswer(true);
        return;
      case 'view':
        return dispatchView(command.action);
    }
  };

  // The key handler reads the context of the frame on screen through a ref: ink may still hold the
  // handler of an earlier render when a key arrives right after the screen changed.
  const onKey = useRef<(input: string, key: KeyPress) => void>(() => undefined);
  onKey.current = (input, key) => {
    const command = commandForKey(input, key, {
      phase: scanState.phase,
      results,
      view: view.view,
      deviceCount: sorted.length,
      maxScroll,
      pageSize: Math.max(1, bodyHeight - 1),
      confirmingAnswer: view.confirmingAnswer,
    });
    if (command) run(command);
  };
  const handleInput = useCallback((input: string, key: KeyPress) => onKey.current(input, key), []);
  useInput(handleInput, { isActive: Boolean(isRawModeSupported) });

  const tabs: Tab[] = results
    ? (['devices', 'advice', 'findings'] as const).map((name) => ({
        label: t(lang, name === 'devices' ? 'viewDevices' : name === 'advice' ? 'viewAdvice' : 'viewFindings'),
        active: view.view === name || (name === 'devices' && view.view === 'detail'),
      }))
    : [];
  const summary = scanState.result
    ? t(lang, 'summary', {
        devices: data.devices.length,
        findings: data.findings.filter((finding) => !finding.settledBy).length,
        secs: Math.round(scanState.result.stats.durationMs / 1000),
      })
    : plan.targets.join(' ');
  return (
    <Screen
      title={`${t(lang, 'appName')}  `}
      tabs={tabs}
      status={`${summary}  ${lang.toUpperCase()}`}
      body={body}
      offset={offset}
      bodyHeight={bodyHeight}
      width={width}
      notice={notice ? { lines: noticeLines, tone: notice.tone } : null}
      keys={keysFor(scanState.phase === 'confirm' && props.yes ? 'running' : scanState.phase, results, lang, width)}
      position={maxScroll > 0 ? `${offset + 1}-${Math.min(body.length, offset + bodyHeight)}/${body.length}` : ''}
      colour={colour}
      palette={props.palette ?? 'terminal'}
    />
  );
}

interface ResultContext {
  sorted: ReturnType<typeof sortDevicesByRisk>;
  data: ReturnType<typeof resultData>;
  selectedDevice: ReturnType<typeof sortDevicesByRisk>[number] | undefined;
  questions: NonNullable<DashboardProps['questions']>;
  lang: Lang;
  width: number;
  bodyHeight: number;
  colour: boolean;
}

function resultLines(view: ViewState, context: ResultContext): Line[] {
  const { sorted, data, selectedDevice, questions, lang, width, bodyHeight, colour } = context;
  switch (view.view) {
    case 'help':
      return helpLines(lang);
    case 'detail':
      return selectedDevice
        ? deviceDetailLines(selectedDevice, data.findings, data.advice, {
            lang,
            width,
            colour,
            questions,
            coverage: data.coverage(selectedDevice.id),
            answeredOn: answeredOn(data, selectedDevice.id),
          })
        : [];
    case 'advice':
      return adviceScreenLines(data.advice, data.devices, { lang, width });
    case 'findings':
      return findingsScreenLines(data.findings, data.devices, { lang, width, filter: view.filter, colour });
    case 'devices': {
      const table = deviceTableLines(sorted, data.findings, { lang, width, height: bodyHeight, selected: view.selected, colour, coverage: data.coverage });
      return [...table, ...scanProblemLines(data.result, { lang, width, colour, room: bodyHeight - table.length })];
    }
  }
}

function noticeFor(notice: Notice | null, scan: ReturnType<typeof useScan>['state'], lang: Lang): { text: string; tone: 'info' | 'error' } | null {
  if (notice) return { text: t(lang, notice.key, notice.params), tone: notice.tone };
  if (scan.phase === 'failed') return { text: `${t(lang, 'scanFailed')}: ${scan.error ?? ''}`, tone: 'error' };
  if (scan.phase === 'done' && scan.aborted) return { text: t(lang, 'scanStopped'), tone: 'info' };
  return null;
}

function keysFor(phase: string, results: boolean, lang: Lang, width: number): string {
  if (results) return width >= 100 ? t(lang, 'keysResults') : t(lang, 'keysShort');
  if (phase === 'confirm') return '';
  return phase === 'failed' ? t(lang, 'keysQuit') : t(lang, 'scanKeys');
}
