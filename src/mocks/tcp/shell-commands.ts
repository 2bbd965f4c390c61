// The few commands a mock device shell answers (telnet and ssh share it).

export interface ShellIdentity {
  username: string;
  hostname: string;
}

export interface ShellResult {
  /** Text to print, lines ending in \n (empty for none). */
  output: string;
  exit: boolean;
}

export function runShellCommand(line: string, who: ShellIdentity): ShellResult {
  const [command = '', ...args] = line.trim().split(/\s+/);
  switch (command) {
    case '':
      return { output: '', exit: false };
    case 'exit':
    case 'logout':
      return { output: '', exit: true };
    case 'id': {
      const uid = who.username === 'root' ? 0 : 1000;
      return { output: `uid=${uid}(${who.username}) gid=${uid}(${who.username})\n`, exit: false };
    }
    case 'whoami':
      return { output: `${who.username}\n`, exit: false };
    case 'hostname':
      return { output: `${who.hostname}\n`, exit: false };
    case 'uname':
      return { output: args.includes('-a') ? `Linux ${who.hostname} 4.9.118 #1 SMP PREEMPT armv7l GNU/Linux\n` : 'Linux\n', exit: false };
    case 'echo':
      return { output: `${args.join(' ')}\n`, exit: false };
    case 'cat':
      if (args[0] === '/proc/version') return { output: 'Linux version 4.9.118 (gcc version 6.5.0)\n', exit: false };
      return { output: `cat: can't open '${args[0] ?? ''}': No such file or directory\n`, exit: false };
    default:
      return { output: `-sh: ${command}: not found\n`, exit: false };
  }
}
