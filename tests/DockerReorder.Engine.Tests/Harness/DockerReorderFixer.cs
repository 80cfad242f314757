using DockerReorder.Analysis;
using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Explain;
using DockerReorder.Cli.Context;
using DockerReorder.Syntax;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// The product under test, called as the CLI calls it: parse, open the build context folder, apply
/// the safe fixes, and predict (as <c>--explain</c> does) which steps a source-only edit reruns.
/// </summary>
public static class DockerReorderFixer
{
    /// <summary>The safe fixes' outcome for <paramref name="dockerfileText"/> with <paramref name="contextDirectory"/> as the build context.</summary>
    /// <param name="dockerfileText">The Dockerfile.</param>
    /// <param name="contextDirectory">The build context folder.</param>
    /// <param name="dockerfileInContext">The Dockerfile's path in the context (it decides a Dockerfile-specific .dockerignore).</param>
    public static FixOutcome Fix(string dockerfileText, string contextDirectory, string dockerfileInContext = "Dockerfile")
    {
        var tree = DockerfileParser.Parse(SourceText.From(dockerfileText));
        var context = BuildContext.Open(new FileSystemContext(contextDirectory), dockerfileInContext);
        return DockerfileAnalyzer.Fix(tree, context, AnalysisOptions.Default, includeUnsafe: false);
    }

    /// <summary>
    /// The fixed text; a safe fix never writes other context files (only DR003's unsafe
    /// .dockerignore fix does), so one that tries is reported rather than silently dropped.
    /// </summary>
    /// <param name="dockerfileText">The Dockerfile.</param>
    /// <param name="contextDirectory">The build context folder.</param>
    /// <param name="dockerfileInContext">The Dockerfile's path in the context.</param>
    public static string FixedText(string dockerfileText, string contextDirectory, string dockerfileInContext = "Dockerfile")
    {
        var outcome = Fix(dockerfileText, contextDirectory, dockerfileInContext);
        if (outcome.FileWrites.Count > 0)
        {
            throw new InvalidOperationException(
                $"a safe fix wants to write {string.Join(", ", outcome.FileWrites.Select(w => w.ContextPath))}; the engine suite builds the Dockerfile only");
        }

        return outcome.FixedText;
    }

    /// <summary>
    /// The <c>--explain</c> prediction for <paramref name="dockerfileText"/>: per stage, the steps a source-only edit reruns;
    /// <paramref name="copiedManifests"/> are the files the fix copied as manifests (for the fixed text, as the CLI passes them).
    /// </summary>
    public static IReadOnlyList<StageRebuild> Predict(string dockerfileText, string contextDirectory, IEnumerable<string>? copiedManifests = null)
    {
        // As the CLI does: the classifier sees the context folder itself, not the .dockerignore-filtered view.
        var classifier = new ManifestSourceClassifier(AnalysisOptions.Default.ExtraManifestNames, new FileSystemContext(contextDirectory))
            .WithManifestPaths(copiedManifests ?? []);
        var tree = DockerfileParser.Parse(SourceText.From(dockerfileText));
        return SourceEditPrediction.Predict(CacheStageReader.Read(tree), classifier.IsManifestOnly);
    }

    /// <summary>The files the safe fixes of <paramref name="beforeText"/> copy as an install's manifests.</summary>
    public static IReadOnlyList<string> CopiedManifests(string beforeText, string contextDirectory) =>
        Fix(beforeText, contextDirectory).AppliedFixes.SelectMany(f => f.CopiedManifests).ToList();

    /// <summary>The prediction as <c>--explain</c> prints it, one line per stage.</summary>
    public static string Explain(string beforeText, string afterText, string contextDirectory) =>
        string.Join('\n', RebuildExplanation.Format(
            Predict(beforeText, contextDirectory),
            Predict(afterText, contextDirectory, CopiedManifests(beforeText, contextDirectory))));
}
