// The entry point VS Code's extension host loads for `--extensionTestsPath` (test/vscode/run.mjs bundles this file and
// features.ts into out/vscode-test/): runs the mocha suite in features.js and rejects when a test failed.
import { join } from "node:path";
import Mocha from "mocha";

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 180_000 });
  mocha.addFile(join(__dirname, "features.js"));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`${passes} passed, ${failures} failed`);
      if (failures > 0 || passes === 0) reject(new Error(`${failures} of ${passes + failures} tests failed`));
      else resolve();
    });
  });
}
