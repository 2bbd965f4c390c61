// A device's own /etc/passwd and /etc/shadow: the host's system users (daemons need theirs, e.g. sshd)
// with every password locked, plus the device's accounts with their factory passwords.

import { readFileSync } from 'node:fs';
import type { Account } from './spec.js';
import { runCommand } from './run-command.js';

async function hashPassword(password: string): Promise<string> {
  const { stdout } = await runCommand(['openssl', 'passwd', '-6', '-stdin'], { input: `${password}\n` });
  return stdout.trim();
}

export async function accountFiles(accounts: Account[], dir: string): Promise<Record<string, string>> {
  const own = new Map(accounts.map((account) => [account.username, account]));
  const passwd: string[] = [];
  const shadow: string[] = [];
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const fields = line.split(':');
    if (fields.length < 7 || own.has(fields[0]!)) continue;
    const uid = Number(fields[2]);
    if (uid >= 1000 && fields[0] !== 'nobody') continue;
    if (fields[0] === 'root') continue;
    passwd.push(line);
    shadow.push(`${fields[0]}:*:20000:0:99999:7:::`);
  }
  let uid = 2000;
  for (const account of accounts) {
    const root = account.username === 'root';
    const home = root ? '/root' : `${dir}/home/${account.username}`;
    passwd.push(`${account.username}:x:${root ? 0 : uid}:${root ? 0 : uid}::${home}:/bin/sh`);
    shadow.push(`${account.username}:${await hashPassword(account.password)}:20000:0:99999:7:::`);
    if (!root) uid += 1;
  }
  if (!own.has('root')) {
    passwd.unshift('root:x:0:0:root:/root:/bin/sh');
    shadow.unshift('root:*:20000:0:99999:7:::');
  }
  const files: Record<string, string> = { 'etc/passwd': `${passwd.join('\n')}\n`, 'etc/shadow': `${shadow.join('\n')}\n` };
  for (const account of accounts) if (account.username !== 'root') files[`home/${account.username}/.keep`] = '';
  return files;
}
