using DockerReorder.Engine.Tests.Harness;

namespace DockerReorder.Engine.Tests;

/// <summary>
/// The <c>docker-reorder --explain</c> command prints exactly the prediction the engine checks judge
/// (<see cref="FixerProofTests"/> compares <see cref="DockerReorderFixer.Explain"/> with the engine's
/// CACHED lines), so the engine's verdict covers what users read. Needs no engine.
/// </summary>
public sealed class ExplainCliTests
{
    /// <summary>One safe case: every line the library predicts is printed by the CLI for the same file and context.</summary>
    /// <param name="caseName">The case folder name.</param>
    [Theory]
    [MemberData(nameof(SafeFixProof.CasesWithFix), MemberType = typeof(SafeFixProof))]
    public void The_cli_prints_the_prediction_the_engine_judges(string caseName)
    {
        var engineCase = EngineCase.Named(caseName);
        var scratch = Directory.CreateTempSubdirectory("dr-explain-");
        try
        {
            var dockerfile = Path.Combine(scratch.FullName, "Dockerfile");
            File.WriteAllText(dockerfile, engineCase.BeforeText);
            var cli = Path.Combine(AppContext.BaseDirectory, "docker-reorder.dll");
            var run = ProcessRun.Start("dotnet", [cli, dockerfile, "--context", engineCase.Context, "--explain"], timeout: TimeSpan.FromMinutes(1));
            var fixedText = DockerReorderFixer.FixedText(engineCase.BeforeText, engineCase.Context);
            var expected = DockerReorderFixer.Explain(engineCase.BeforeText, fixedText, engineCase.Context).Split('\n');
            var printed = run.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            foreach (var line in expected)
            {
                Assert.True(
                    printed.Any(p => p.EndsWith(": " + line, StringComparison.Ordinal)),
                    $"{caseName}: --explain did not print `{line}`; it printed:\n{run.StandardOutput}\n{run.StandardError}");
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
