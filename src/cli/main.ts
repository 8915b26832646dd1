// The `talkmark` command: the extension's own pure code (slide detector, exporters, backup
// codec) run from a terminal.
import { runSlides } from './slides';

const usage = `Usage:
  talkmark slides VIDEO [--out DIR] [--sensitivity 0..1] [--crop x,y,w,h]
                                         Find the slides of a talk video (prints JSON;
                                         talkmark slides --help for the options)
  talkmark export BACKUP --format hugo|jekyll|obsidian|markdown [--post ID | --all] --out DIR
                                         Export posts from a Talkmark backup file
  talkmark help                          Show this help`;

const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'slides':
      return runSlides(rest, io);
    case 'export': {
      const { runExport } = await import('./export');
      return runExport(rest, io);
    }
    case 'help':
    case '--help':
    case '-h':
      io.stdout(`${usage}\n`);
      return 0;
    default:
      io.stderr(`${command ? `Unknown command "${command}".` : 'No command given.'}\n${usage}\n`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
