using DockerReorder.Analysis.Context;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis;

/// <summary>The library's entry point: analyze a parsed Dockerfile, and fix it.</summary>
public static class DockerfileAnalyzer
{
    /// <summary>Runs every enabled rule over <paramref name="tree"/>. <paramref name="context"/> is null when no build context is available.</summary>
    public static IReadOnlyList<Finding> Analyze(DockerfileSyntax tree, BuildContext? context, AnalysisOptions options) =>
        throw new NotImplementedException("rules are being written");

    /// <summary>Analyzes and applies the fixes (safe ones; unsafe too when <paramref name="includeUnsafe"/>), re-analyzing until stable.</summary>
    public static FixOutcome Fix(DockerfileSyntax tree, BuildContext? context, AnalysisOptions options, bool includeUnsafe) =>
        throw new NotImplementedException("rules are being written");
}
