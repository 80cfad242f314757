using System.Diagnostics;
using System.Globalization;
using System.Text;
using DockerReorder.Engine.Tests.Harness;
using Xunit.Abstractions;

namespace DockerReorder.Engine.Tests;

/// <summary>
/// The real-world corpus on the engine (issue 5, item 4): every case whose Dockerfile the fixer
/// changes with safe fixes is built before and after the fix (with the stand-ins, stubs for the
/// commands they do not model, and the adaptations <see cref="CorpusEngineAdapter"/> lists); every
/// case whose original builds must build the same image after the fix. The summary table goes to
/// the test output and to tests/engine/CORPUS-RESULTS.md.
/// </summary>
public sealed partial class CorpusEngineTests(ITestOutputHelper output)
{
    /// <summary>Every changed case that builds gives an identical image; the table records cache reuse.</summary>
    [EngineFact]
    public void Every_corpus_fix_that_builds_gives_the_same_image()
    {
        var engine = DockerEngine.Connect();
        var cases = CorpusCase.All();
        var runs = new List<CorpusRun>();
        foreach (var corpusCase in cases)
        {
            var original = File.ReadAllText(corpusCase.DockerfilePath);
            string fixedText;
            try
            {
                fixedText = DockerReorderFixer.FixedText(original, corpusCase.Folder, corpusCase.DockerfileInContext);
            }
            catch (InvalidOperationException e)
            {
                runs.Add(new CorpusRun(corpusCase.Name, false, false, null, "-", "-", e.Message, 0));
                continue;
            }

            if (fixedText != original)
            {
                runs.Add(Run(engine, corpusCase, original, fixedText));
                output.WriteLine($"{corpusCase.Name}: fix:\n{LineDiff.Describe(original, fixedText)}\n");
            }
        }

        output.WriteLine(Table(cases.Count, runs, withSeconds: true));
        // The committed file leaves out the timings, so an unchanged result rewrites it byte for byte.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(EngineCase.CasesFolder)!, "CORPUS-RESULTS.md"), Table(cases.Count, runs, withSeconds: false));
        foreach (var run in runs)
        {
            EngineSummary.Record(run.Name, "corpus", run.Builds ? "yes" : "no", run.ImageEqual, $"cached steps {run.CachedBefore} -> {run.CachedAfter}");
        }

        var failures = runs.Where(r => r.IsFailure).ToList();
        Assert.True(
            failures.Count == 0,
            "fixed corpus Dockerfiles that do not build the original's image:\n"
            + string.Join("\n\n", failures.Select(f => $"{f.Name}: {(f.FixedBuilds ? f.ImageDiff : "the fixed Dockerfile does not build")}\n{f.Note}")));
    }

    private static CorpusRun Run(DockerEngine engine, CorpusCase corpusCase, string original, string fixedText)
    {
        var clock = Stopwatch.StartNew();
        var before = CorpusEngineAdapter.AdaptText(original);
        var after = CorpusEngineAdapter.AdaptText(fixedText);
        foreach (var image in CorpusEngineAdapter.ImageNames(before).Union(CorpusEngineAdapter.ImageNames(after)))
        {
            var source = "docker-reorder/base:latest";
            if (CorpusEngineAdapter.WorkingDirectoryOf(image) is { } workingDirectory)
            {
                var empty = Directory.CreateTempSubdirectory("dr-empty-");
                try
                {
                    source = engine.Build($"FROM docker-reorder/base:latest\nWORKDIR {workingDirectory}\n", empty.FullName)
                        .RequireImage($"the base image with WORKDIR {workingDirectory}");
                }
                finally
                {
                    empty.Delete(recursive: true);
                }
            }

            var tag = engine.Invoke("tag", source, image);
            if (tag.ExitCode != 0)
            {
                return new CorpusRun(corpusCase.Name, false, false, null, "-", "-", $"cannot tag `{image}`: {tag.StandardError.Trim()}", clock.Elapsed.TotalSeconds);
            }
        }

        using var context = ContextCopy.Create(corpusCase.Folder);
        var touched = CorpusEngineAdapter.CreateDummySources(before, context.Path);
        CorpusEngineAdapter.CreateDummyPythonPackage(context.Path);
        var beforeBuild = engine.Build(before, context.Path);
        if (!beforeBuild.Succeeded)
        {
            return new CorpusRun(corpusCase.Name, false, false, null, "-", "-", $"original does not build: {FirstError(beforeBuild.Log)}", clock.Elapsed.TotalSeconds);
        }

        var afterBuild = engine.Build(after, context.Path);
        if (!afterBuild.Succeeded)
        {
            return new CorpusRun(corpusCase.Name, true, false, null, "-", "-", $"fixed does not build: {FirstError(afterBuild.Log)}\n{after}", clock.Elapsed.TotalSeconds);
        }

        var diff = SnapshotDiff.Describe(engine.Snapshot(beforeBuild.ImageId!), engine.Snapshot(afterBuild.ImageId!));
        if (touched is null)
        {
            return new CorpusRun(corpusCase.Name, true, true, diff, "-", "-", "copies no folder: no source to touch", clock.Elapsed.TotalSeconds);
        }

        var beforeProbe = CacheProbe.Run(engine, before, context.Path, touched);
        var afterProbe = CacheProbe.Run(engine, after, context.Path, touched);
        return new CorpusRun(
            corpusCase.Name,
            true,
            true,
            diff,
            $"{beforeProbe.CachedCount}/{beforeProbe.Steps.Count}",
            $"{afterProbe.CachedCount}/{afterProbe.Steps.Count}",
            $"touched {touched}",
            clock.Elapsed.TotalSeconds);
    }

    // The first ERROR line of a failed build (its reason) with the step's last output line before it, or the log's last line.
    private static string FirstError(string log)
    {
        var lines = log.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var index = lines.FindIndex(l => l.StartsWith("error:", StringComparison.OrdinalIgnoreCase) || l.Contains(" ERROR: ", StringComparison.Ordinal) || l.StartsWith("failed to solve", StringComparison.Ordinal));
        if (index < 0)
        {
            return lines.LastOrDefault() ?? "no output";
        }

        var vertex = lines[index].Split(' ')[0];
        var output = index > 0 && lines[index - 1].StartsWith(vertex + " ", StringComparison.Ordinal) && !lines[index - 1].Contains("sha256:", StringComparison.Ordinal)
            ? $" (output: {TimingPattern().Replace(lines[index - 1][(vertex.Length + 1)..], string.Empty)})"
            : string.Empty;
        var error = vertex.StartsWith('#') ? lines[index][(vertex.Length + 1)..] : lines[index];
        // Vertex numbers, timings and the daemon's layer paths differ between runs; the generated table must not.
        return LayerPathPattern().Replace(error + output, "<rootfs>");
    }

    private static string Table(int caseCount, IReadOnlyList<CorpusRun> runs, bool withSeconds)
    {
        var text = new StringBuilder();
        var builds = runs.Count(r => r.Builds);
        var equal = runs.Count(r => r.ImageDiff is { Length: 0 });
        text.Append("# The corpus on the engine\n\n")
            .Append("Generated by `CorpusEngineTests` (tests/engine/run.sh); do not edit. ")
            .Append(CultureInfo.InvariantCulture, $"{caseCount} corpus cases; the fixer (safe fixes) changes {runs.Count}; ")
            .Append(CultureInfo.InvariantCulture, $"{builds} of those build on the engine, {equal} with an identical image after the fix.\n\n")
            .Append("Cached steps: the steps BuildKit reused after one source file (`note`) was edited, before → after the fix.\n\n")
            .Append(withSeconds
                ? "| case | builds | image equal | cached steps before → after | seconds | note |\n|---|---|---|---|---|---|\n"
                : "| case | builds | image equal | cached steps before → after | note |\n|---|---|---|---|---|\n");
        foreach (var run in runs)
        {
            var note = run.Note.Split('\n')[0].Replace('|', '/');
            var seconds = withSeconds ? string.Create(CultureInfo.InvariantCulture, $" {run.Seconds:F0} |") : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"| {run.Name} | {(run.Builds ? "yes" : "no")} | {run.ImageEqual} | {run.CachedBefore} → {run.CachedAfter} |{seconds} {note} |\n");
        }

        return text.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\S*/overlay2/[0-9a-f]+/merged")]
    private static partial System.Text.RegularExpressions.Regex LayerPathPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+\.\d+ ")]
    private static partial System.Text.RegularExpressions.Regex TimingPattern();
}
