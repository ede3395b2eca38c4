// Prints issue 8's fault matrix from the test run itself: one row per endpoint, one column per
// fault, each cell the result of the test `fault matrix › <endpoint> › <fault>` (test/fault-matrix.test.ts).
export function matrixReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const cells = new Map(); // endpoint → fault → 'pass' | 'FAIL'
      const find = (suite) => {
        for (const child of suite.suites) {
          if (child.name === 'fault matrix') {
            for (const route of child.suites) {
              const row = new Map();
              for (const test of route.tests) row.set(test.name, test.skipped ? 'skip' : test.passed ? 'pass' : 'FAIL');
              cells.set(route.name, row);
            }
          } else find(child);
        }
      };
      for (const session of sessions) if (session.testResults) find(session.testResults);
      if (!cells.size) return;
      const faults = [...new Set([...cells.values()].flatMap((row) => [...row.keys()]))];
      const width = Math.max(...[...cells.keys()].map((name) => name.length));
      const line = (first, rest) => `${first.padEnd(width)}  ${rest.map((cell, i) => cell.padEnd(faults[i].length)).join('  ')}`;
      const failed = [...cells.values()].flatMap((row) => [...row.values()]).filter((cell) => cell !== 'pass').length;
      console.log(`\nfault matrix (${cells.size} endpoints × ${faults.length} faults, ${failed ? `${failed} not passing` : 'all passing'}):`);
      console.log(line('endpoint', faults));
      for (const [route, row] of cells) console.log(line(route, faults.map((fault) => row.get(fault) ?? '—')));
    },
  };
}
