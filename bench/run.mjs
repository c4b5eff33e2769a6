// The speed benchmark's driver (scripts/bench builds, installs the peers and calls this).
// Races Gradlab (native, and WebAssembly under Node.js) against TensorFlow.js (wasm backend with
// SIMD on one thread, and the cpu backend), ConvNetJS and PyTorch (one thread, OpenBLAS) on the
// same data, models, batch size and optimizer. Every measurement is its own process; the runs
// are alternated (all peers for one model, then the next model, round after round, the order of
// peers rotated each round) and the medians reported, since the machine is shared and noisy.
// A build's one- and two-thread runs are a pair, run back to back (which first alternates by
// round): the two-thread goals are the median of each round's ratio, so that the machine's drift
// between rounds does not enter them.
//   node bench/run.mjs --native-cli build/native/gradlab-cli --wasm-cli build/wasm/gradlab-cli.js
//                      [--wasm-threads-cli build/wasm/threads/gradlab-cli.js] [--rounds 3] [--seconds 1.5] [--models linear,mlp,cnn] [--update-readme] [--browser]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const opt = { 'native-cli': 'build/native/gradlab-cli', 'wasm-cli': 'build/wasm/gradlab-cli.js',
              'wasm-threads-cli': 'build/wasm/threads/gradlab-cli.js', rounds: '3',
              seconds: '1.5', models: 'linear,mlp,cnn', 'update-readme': false, browser: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const key = argv[i].replace(/^--/, '');
  if (!(key in opt)) { console.error(`bench/run.mjs: unknown option ${argv[i]}`); process.exit(2); }
  if (typeof opt[key] === 'boolean') opt[key] = true;
  else opt[key] = argv[++i];
}
const seconds = opt.seconds, rounds = Number(opt.rounds), models = opt.models.split(',');
const specs = { linear: 'linear', mlp: 'mlp:100', cnn: 'conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc10' };
const names = { linear: 'linear 3072-10', mlp: 'MLP 3072-100-10', cnn: 'small CNN' };

// PyTorch with OpenBLAS (Debian's python3-torch alone pulls the reference BLAS, which makes nn.Linear about 10x slower), free to
// pick AVX-512 (OPENBLAS_CORETYPE unset), and glibc malloc keeping its memory between steps.
const torchEnv = { ...process.env, LD_LIBRARY_PATH: '/usr/lib/x86_64-linux-gnu/openblas-pthread',
                   MALLOC_MMAP_THRESHOLD_: '33554432', MALLOC_TRIM_THRESHOLD_: '4294967296' };
delete torchEnv.OPENBLAS_CORETYPE;
// The threads Gradlab's isolated page trains on (kernels::DefaultTrainingThreads): the cores less one, at most 8.
const pageThreads = Math.min(8, Math.max(1, os.cpus().length - 1));
const gradlabArgs = (m) => ['bench', '--model', specs[m], '--seconds', seconds, '--test', '10', '--json'];
const peers = [
  { id: 'gradlab-native', label: 'Gradlab native', pair: 'gradlab-native-2', cmd: (m) => [path.resolve(opt['native-cli']), gradlabArgs(m)] },
  { id: 'gradlab-wasm', label: 'Gradlab WebAssembly (Node.js)', pair: 'gradlab-wasm-2', cmd: (m) => [process.execPath, [path.resolve(opt['wasm-cli']), ...gradlabArgs(m)]] },
  { id: 'tfjs-wasm', label: 'TensorFlow.js wasm (SIMD, 1 thread)', cmd: (m) => [process.execPath, ['bench/tfjs.mjs', '--backend', 'wasm', '--model', m, '--seconds', seconds]] },
  { id: 'tfjs-cpu', label: 'TensorFlow.js cpu', cmd: (m) => [process.execPath, ['bench/tfjs.mjs', '--backend', 'cpu', '--model', m, '--seconds', seconds]] },
  { id: 'convnetjs', label: 'ConvNetJS 0.3', cmd: (m) => [process.execPath, ['bench/convnetjs.mjs', '--model', m, '--seconds', seconds]] },
  { id: 'pytorch', label: 'PyTorch 1.13, 1 thread', cmd: (m) => ['/usr/bin/python3', ['bench/torch_bench.py', '--model', m, '--seconds', seconds]], env: torchEnv },
  // Two threads each: Gradlab's conv layers split their images (kernels/parallel.h), PyTorch its own way.
  { id: 'gradlab-native-2', label: 'Gradlab native, 2 threads', cmd: (m) => [path.resolve(opt['native-cli']), [...gradlabArgs(m), '--threads', '2']] },
  { id: 'pytorch-2', label: 'PyTorch 1.13, 2 threads', cmd: (m) => ['/usr/bin/python3', ['bench/torch_bench.py', '--model', m, '--seconds', seconds, '--threads', '2']], env: torchEnv },
  // The page's threaded build (cmake/ThreadedSite.cmake), its CLI under Node.js.
  { id: 'gradlab-wasm-2', label: 'Gradlab WebAssembly with threads (Node.js), 2 threads',
    cmd: (m) => [process.execPath, [path.resolve(opt['wasm-threads-cli']), ...gradlabArgs(m), '--threads', '2']] },
];
// --browser: the page's benchmark mode in headless Chromium (bench/browser.mjs; needs the site).
// Twice: served as most hosts do (the build that trains between frames) and cross-origin
// isolated (the threaded build, training on a thread of its own).
if (opt.browser)
  peers.splice(2, 0, { id: 'gradlab-browser', label: 'Gradlab in the page (Chromium, training time only)',
                       cmd: (m) => [process.execPath, ['bench/browser.mjs', '--model', m]] },
               { id: 'gradlab-browser-threads', label: 'Gradlab in an isolated page, threaded build (Chromium, training time only)',
                 cmd: (m) => [process.execPath, ['bench/browser.mjs', '--model', m, '--isolate', 'yes']] },
               // The page race's other side: a TensorFlow.js page (bench/tfjs-page.html), isolated, with the threads Gradlab's page uses.
               { id: 'tfjs-browser', label: 'TensorFlow.js wasm in an isolated page (Chromium, training time only)',
                 cmd: (m) => [process.execPath, ['bench/tfjs-browser.mjs', '--model', m, '--isolate', 'yes',
                                                 '--threads', String(pageThreads)]] });
// Gradlab is compared with the peers of its kind: WebAssembly with the JavaScript peers, native with PyTorch.
const gradlabFor = (peer) => ({ pytorch: 'gradlab-native', 'pytorch-2': 'gradlab-native-2', 'tfjs-browser': 'gradlab-browser-threads' })[peer] || 'gradlab-wasm';

function run(cmd, args, env) {
  const out = execFileSync(cmd, args.map(String), { cwd: root, env: env || process.env, encoding: 'utf8',
                                                     stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 });
  const lines = out.split('\n').filter((l) => l.startsWith('{'));
  return lines.map((l) => JSON.parse(l));
}

const loadBefore = os.loadavg()[0];
const results = {};  // results[peer][model] = [{train, infer}, ...]
const extra = {};
// The units a round rotates: a peer alone, or a one-thread run with its two-thread pair.
const paired = new Set(peers.filter((p) => p.pair).map((p) => p.pair));
const units = peers.filter((p) => !paired.has(p.id)).map((p) => [p, ...peers.filter((q) => q.id === p.pair)]);
for (let r = 0; r < rounds; r++) {
  const order = units.map((_, i) => units[(i + r) % units.length]).flatMap((u) => (r % 2 ? [...u].reverse() : u));
  for (const m of models)
    for (const peer of order) {
      const [cmd, args] = peer.cmd(m);
      let rec;
      try {
        rec = run(cmd, args, peer.env).at(-1);
      } catch (e) {
        console.error(`${peer.id} ${m}: failed: ${String(e.stderr || e.message).trim().split('\n').slice(-3).join(' | ')}`);
        continue;
      }
      ((results[peer.id] ||= {})[m] ||= []).push({ round: r, train: rec.train_images_per_second, infer: rec.infer_images_per_second ?? NaN,
                                                  wall: rec.wall_images_per_second ?? NaN,
                                                  p50: rec.frame_p50_ms ?? NaN, p99: rec.frame_p99_ms ?? NaN });
      extra[peer.id] = rec;
      console.error(`round ${r + 1}/${rounds}  ${m.padEnd(6)} ${peer.id.padEnd(15)} train ${rec.train_images_per_second.toFixed(0).padStart(7)}  ` +
                    `inference ${(rec.infer_images_per_second ?? NaN).toFixed(0).padStart(7)} images/s`);
    }
}
const loadAfter = os.loadavg()[0];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };
const med = (peer, m, what) => (results[peer]?.[m] ? median(results[peer][m].map((x) => x[what])) : NaN);
// The median of the ratios of two peers' runs in the same round (a pair, run back to back).
const pairedRatio = (a, b, m, what) => {
  const ratios = (results[a]?.[m] || []).flatMap((x) => (results[b]?.[m] || []).filter((y) => y.round === x.round).map((y) => x[what] / y[what]));
  return ratios.length ? median(ratios) : NaN;
};
const fmt = (v) => (Number.isNaN(v) ? 'n/a' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
const ratio = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? '' : ` (${a / b >= 10 ? Math.round(a / b) : (a / b).toFixed(1)}x)`);

let md = '';
const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || os.cpus()[0]?.model;
md += `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores, shared: load average ` +
      `${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after), Node.js ${process.version}; medians of ${rounds} ` +
      `alternated runs of at least ${seconds} s each. Images per second at batch 32 on 5,000 CIFAR-10 training images; ` +
      `training is forward + backward + SGD-momentum update. In brackets: how many times faster Gradlab is ` +
      `(Gradlab WebAssembly against the JavaScript peers, Gradlab native against PyTorch at the same number of threads).\n\n`;
md += `| | ${models.map((m) => `${names[m]} train`).join(' | ')} | ${models.map((m) => `${names[m]} inference`).join(' | ')} |\n`;
md += `| --- | ${models.map(() => '---:').join(' | ')} | ${models.map(() => '---:').join(' | ')} |\n`;
for (const peer of peers) {
  const cells = [];
  for (const what of ['train', 'infer'])
    for (const m of models) {
      const v = med(peer.id, m, what);
      cells.push(peer.id.startsWith('gradlab') ? `**${fmt(v)}**` : `${fmt(v)}${ratio(med(gradlabFor(peer.id), m, what), v)}`);
    }
  md += `| ${peer.label} | ${cells.join(' | ')} |\n`;
}
const torch = extra.pytorch;
if (torch) md += `\nPyTorch ${torch.version} with ${torch.blas} (OPENBLAS_CORETYPE unset, so OpenBLAS may use AVX-512; convolutions through oneDNN), ` +
                 `${torch.threads} thread, glibc malloc told to keep its memory (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_).`;
// A model whose whole second epoch fell between two of the page's frames has no wall-clock figure.
const wallAndFrames = (peer) => models.map((m) => Number.isNaN(med(peer, m, 'wall'))
  ? `${names[m]} not timed (its epoch passed within a frame or two)`
  : `${names[m]} ${fmt(med(peer, m, 'wall'))} images/s (frames p50 ${med(peer, m, 'p50').toFixed(1)} ms, p99 ${med(peer, m, 'p99').toFixed(1)} ms)`).join(', ');
if (extra['gradlab-browser'])
  md += ` Gradlab in the page: \`?bench=MODEL\` in headless ${extra['gradlab-browser'].browser} (SwiftShader drawing), the second of two epochs (the first warms up the compiled code); ` +
        `the page's own count of training time, as in the Node.js runs; over wall-clock time, with the page drawing its frames ` +
        `(the time between two of them, meanwhile): ${wallAndFrames('gradlab-browser')}.`;
if (extra['gradlab-browser-threads'])
  md += ` The same page served cross-origin isolated, so that it loads the threaded build (${extra['gradlab-browser-threads'].build}): ` +
        `${wallAndFrames('gradlab-browser-threads')}.`;
if (extra['tfjs-browser'])
  md += ` TensorFlow.js in an isolated page (bench/tfjs-page.html: one step, then the page draws; wasm backend, ` +
        `${extra['tfjs-browser'].threads} thread(s)): ${wallAndFrames('tfjs-browser')}.`;
if (extra['tfjs-wasm']) md += ` TensorFlow.js ${extra['tfjs-wasm'].version}, wasm backend SIMD ${extra['tfjs-wasm'].simd ? 'on' : 'off'}, threads ${extra['tfjs-wasm'].threads ? 'on' : 'off'}.\n`;

// Issue #16's goals for the small CNN's training, from the medians above.
const cnn = (peer) => med(peer, 'cnn', 'train');
const goals = [
  ['WebAssembly against TensorFlow.js wasm, one thread', cnn('gradlab-wasm') / cnn('tfjs-wasm'), 6],
  ['WebAssembly against ConvNetJS', cnn('gradlab-wasm') / cnn('convnetjs'), 45],
  ['native against PyTorch, one thread', cnn('gradlab-native') / cnn('pytorch'), 1.3],
  ['native, 2 threads against 1 (median of back-to-back pairs)', pairedRatio('gradlab-native-2', 'gradlab-native', 'cnn', 'train'), 1.6],
  ['WebAssembly (Node.js), 2 threads against the build without threads (median of back-to-back pairs)',
   pairedRatio('gradlab-wasm-2', 'gradlab-wasm', 'cnn', 'train'), 1.6],
  // The isolated page gives training the cores less one: compared where a Node.js row has as many.
  ['the isolated page over wall-clock time against WebAssembly in Node.js on as many threads',
   med('gradlab-browser-threads', 'cnn', 'wall') / ({ 1: cnn('gradlab-wasm'), 2: cnn('gradlab-wasm-2') }[pageThreads] ?? NaN), 0.95],
  ['the isolated page against TensorFlow.js\'s isolated page, wall-clock, the same threads',
   med('gradlab-browser-threads', 'cnn', 'wall') / med('tfjs-browser', 'cnn', 'wall'), 5],
].filter(([, got]) => Number.isFinite(got));
const p99 = med('gradlab-browser-threads', 'cnn', 'p99');
if (goals.length) {
  md += `\nGoals (small CNN, training): ${goals.map(([what, got, want]) =>
    `${what} ${got.toFixed(2)}x, goal ${want}x: ${got >= want ? 'met' : '**not met**'}`).join('; ')}` +
    (Number.isFinite(p99) ? `; frames in the isolated page p99 ${p99.toFixed(1)} ms, goal 17 ms: ${p99 <= 17 ? 'met' : '**not met**'}` : '') + '.\n';
}

// GEMM: the models' products in GFLOP/s against the measured peak, WebAssembly and native.
try {
  const wasm = run(process.execPath, [path.resolve(opt['wasm-cli']), 'bench', '--gemm', '--json', '--seconds', '1']);
  const native = run(path.resolve(opt['native-cli']), ['bench', '--gemm', '--json', '--seconds', '1']);
  const wpeak = wasm.find((e) => e.event === 'peak'), npeak = native.find((e) => e.event === 'peak');
  const nrows = Object.fromEntries(native.filter((e) => e.event === 'gemm').map((e) => [e.product, e]));
  md += `\nGEMM of the models' products at batch 32 (conv: per image), GFLOP/s. WebAssembly: ${wpeak.gemm}, ` +
        `against a measured peak of ${wpeak.gflops.toFixed(1)} GFLOP/s (${wpeak.kernel}: f32x4 multiply + add chains); ` +
        `native: ${npeak.gemm}, peak ${npeak.gflops.toFixed(0)} GFLOP/s (${npeak.kernel}). Best of many short rounds.\n\n`;
  md += '| product | m | n | k | WebAssembly | % of peak | native |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  const rows = wasm.filter((x) => x.event === 'gemm');
  for (const e of rows)
    md += `| ${e.product} | ${e.m} | ${e.n} | ${e.k} | ${e.gflops.toFixed(1)} | ${Math.round(100 * e.fraction_of_peak)} % | ${nrows[e.product]?.gflops.toFixed(1) ?? 'n/a'} |\n`;
  // Issue #16's kernel goal: every product's GEMM at 70 % of the WebAssembly peak or more.
  const reached = rows.filter((e) => e.fraction_of_peak >= 0.7).length;
  const lowest = rows.reduce((lo, e) => (e.fraction_of_peak < lo.fraction_of_peak ? e : lo), rows[0]);
  if (rows.length)
    md += `\nGoal: every product's WebAssembly GEMM at 70 % of the peak or more: ${reached} of ${rows.length}, ` +
          `${reached === rows.length ? 'met' : '**not met**'} (lowest: ${lowest.product}, ${Math.round(100 * lowest.fraction_of_peak)} %).\n`;
} catch (e) {
  console.error(`GEMM table: failed: ${String(e.stderr || e.message).trim().split('\n').slice(-2).join(' | ')}`);
}

// Memory: the peak WebAssembly heap of a training session on 10,000 images (one epoch and its
// evaluation), stage by stage; the memory never shrinks, so its final size is the peak.
try {
  const stages = run(process.execPath, [path.resolve(opt['wasm-cli']), 'bench', '--memory', '--model', specs.cnn,
                                        '--train-per-class', '1000', '--test', '1000', '--json'])
    .filter((e) => e.event === 'memory');
  const last = stages.at(-1), byStage = Object.fromEntries(stages.map((e) => [e.stage, e]));
  md += `\nMemory: training the small CNN in WebAssembly on 10,000 CIFAR-10 images (batch 32, one epoch, then scoring ` +
        `2,000 training and 1,000 test images in chunks of 256) peaks at **${last.peak_mb.toFixed(0)} MB** of WebAssembly ` +
        `memory (limit 256 MB). By stage (memory size / malloc in use): data loaded ${byStage['data loaded'].peak_mb.toFixed(0)} / ` +
        `${byStage['data loaded'].in_use_mb.toFixed(0)} MB (the images are kept as bytes: ` +
        `${(byStage['data loaded'].detail.match(/([0-9.]+) MB/) || [])[1]} MB; a 30 MB batch file is read at a time), ` +
        `after 10 training steps ${byStage['10 training steps'].peak_mb.toFixed(0)} / ${byStage['10 training steps'].in_use_mb.toFixed(0)} MB, ` +
        `after the epoch's evaluation ${last.peak_mb.toFixed(0)} / ${last.in_use_mb.toFixed(0)} MB (activations of 256-image chunks). ` +
        `\`gradlab-cli bench --memory\` prints it.\n`;
} catch (e) {
  console.error(`memory: failed: ${String(e.stderr || e.message).trim().split('\n').slice(-2).join(' | ')}`);
}

console.log(md);
if (opt['update-readme']) {
  const readme = path.join(root, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const re = /(<!-- speed-benchmark:start -->\n)[\s\S]*?(<!-- speed-benchmark:end -->)/;
  if (!re.test(text)) { console.error('README.md has no speed-benchmark markers'); process.exit(1); }
  fs.writeFileSync(readme, text.replace(re, (_, a, b) => a + md + b));
  console.error('README.md updated');
}
