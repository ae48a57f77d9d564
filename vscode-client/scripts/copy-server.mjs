// Copies the language server built by Maven into the extension, so the .vsix bundles it:
// server/target/dsls.jar, or the jar $DSLS_SERVER_JAR names.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// DSLS_SERVER_JAR bundles another build of the server (its jvm.options beside it), e.g. one kept
// outside the checkout while server/target is being rebuilt.
const jar = process.env.DSLS_SERVER_JAR ? resolve(process.env.DSLS_SERVER_JAR) : join(root, '..', 'server', 'target', 'dsls.jar');
const target = dirname(jar);
const dest = join(root, 'server');

if (!existsSync(jar)) {
  console.error(`error: ${relative(process.cwd(), jar)} is missing.\n` +
    'Build the language server first, from the repository root:\n' +
    '  mvn -q -pl server package -DskipTests\n' +
    'then run `npm run package` again.');
  process.exit(1);
}
rmSync(dest, { recursive: true, force: true });
mkdirSync(dest, { recursive: true });
copyFileSync(jar, join(dest, 'dsls.jar'));
console.log(`bundled ${relative(root, jar)} (${(statSync(jar).size / 1048576).toFixed(1)} MiB)`);
// The JVM flags every launcher uses (src/launch.ts reads them): the copy the build put next to the
// jar, or their source when the jar comes from a build that did not copy them yet.
const jvmOptions = [join(target, 'jvm.options'), join(root, '..', 'server', 'src', 'dist', 'jvm.options')]
  .find((f) => existsSync(f));
if (jvmOptions) {
  copyFileSync(jvmOptions, join(dest, 'jvm.options'));
}
// The scripted LSP session the build trains its CDS archive with: the extension replays it once on
// the user's machine to make an archive that matches the installed jar (src/cds.ts).
const training = join(root, '..', 'server', 'src', 'build', 'cds-training-session.lsp');
if (existsSync(training)) {
  copyFileSync(training, join(dest, 'cds-training-session.lsp'));
}
// server/target/dsls.jsa is deliberately NOT bundled: it is a dynamic CDS archive, and the JVM only
// accepts one when the jar sits at the very path it had when the archive was dumped
// (server/target/dsls.jar). Inside an installed extension the JVM rejects it ("shared class paths
// mismatch") and it would only add 6 MB to the .vsix.
