using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Fixes;
using DockerReorder.Analysis.Model;
using DockerReorder.Analysis.Planning;
using DockerReorder.Analysis.Rules;
using DockerReorder.Analysis.Suppression;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis;

/// <summary>The library's entry point: analyze a parsed Dockerfile, and fix it.</summary>
public static class DockerfileAnalyzer
{
    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<IRule> Rules { get; } =
        [new InstallAfterBroadCopy(), new ContextFreeStepAfterBroadCopy(), new BroadCopyWithoutDockerignore()];

    /// <summary>How many analyze-and-fix rounds fixing runs at most.</summary>
    // A round sinks one broad copy past an install, so N folder copies above an install take N rounds; with 8, nine
    // copies left a fix for the next run, and --check failed right after --write. A round with no edit ends the loop.
    public const int MaxFixRounds = 32;

    // From this many characters on, a file's tree is worth a full collection before the next one is built.
    private const int BigFileLength = 1 << 20;

    /// <summary>Runs every enabled rule over <paramref name="tree"/>. <paramref name="context"/> is null when no build context is available.</summary>
    public static IReadOnlyList<Finding> Analyze(DockerfileSyntax tree, BuildContext? context, AnalysisOptions options) =>
        Analyze(tree, context, options, MemoizedEcosystemCatalogue.Over(EcosystemCatalogue.Default));

    /// <summary>As <see cref="Analyze(DockerfileSyntax, BuildContext?, AnalysisOptions)"/> with another catalogue.</summary>
    public static IReadOnlyList<Finding> Analyze(DockerfileSyntax tree, BuildContext? context, AnalysisOptions options, IEcosystemCatalogue catalogue) =>
        Analyze(tree, context, options, catalogue, null);

    // With `reanalyzed`, only those stages are planned: the others are known to have no finding (ReanalyzedStages).
    private static IReadOnlyList<Finding> Analyze(DockerfileSyntax tree, BuildContext? context, AnalysisOptions options, IEcosystemCatalogue catalogue, ReanalyzedStages? reanalyzed)
    {
        // A file BuildKit would reject is not rewritten: its meaning is not known.
        if (tree.HasErrors || !CopiesFromContext(tree) || SuppressionComments.IgnoresFile(tree)) return [];
        var model = DockerfileModel.Build(tree);
        var planner = new SinkPlanner(model, context, catalogue, options) { PlannedStages = reanalyzed?.For(model) };
        var ruleContext = new RuleContext(model, context, planner, options);
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            if (!options.IsEnabled(rule.Descriptor.Id)) continue;
            foreach (var finding in rule.Check(ruleContext))
            {
                if (IsSuppressed(tree, finding)) continue;
                findings.Add(finding);
            }
        }
        // One stable OrderBy on both keys: ThenBy is a generic virtual call, which a native build resolves at run time (~0.5 ms at start-up).
        return findings
            .OrderBy(f => (f.Span.Start, f.Rule.Id), PositionThenRule)
            .ToList();
    }

    /// <summary>
    /// False when no instruction is a COPY or ADD: every rule starts from a copy out of the build context (a broad copy's
    /// sink plan), so such a file has no finding and its model, plans and build context need not be made.
    /// </summary>
    public static bool CopiesFromContext(DockerfileSyntax tree)
    {
        foreach (var instruction in tree.Instructions)
        {
            if (instruction.Kind is InstructionKind.Copy or InstructionKind.Add) return true;
        }
        return false;
    }

    private static readonly Comparer<(int Start, string RuleId)> PositionThenRule = Comparer<(int Start, string RuleId)>.Create(
        (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));

    // Binary search: instructions are in source order and their spans do not overlap.
    private static InstructionSyntax? InstructionAt(DockerfileSyntax tree, int offset)
    {
        var list = tree.Instructions;
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var span = list[mid].Span;
            if (offset < span.Start) hi = mid - 1;
            else if (offset >= span.End) lo = mid + 1;
            else return list[mid];
        }
        return null;
    }

    private static bool IsSuppressed(DockerfileSyntax tree, Finding finding)
    {
        foreach (var span in finding.RelatedSpans.Prepend(finding.Span))
        {
            var instruction = InstructionAt(tree, span.Start);
            if (instruction is null) continue;
            var ids = SuppressionComments.IgnoredOn(instruction);
            if (ids.Contains("*") || ids.Contains(finding.Rule.Id)) return true;
        }
        return false;
    }

    /// <summary>Analyzes and applies the fixes (safe ones; unsafe too when <paramref name="includeUnsafe"/>), re-analyzing until stable.</summary>
    public static FixOutcome Fix(DockerfileSyntax tree, BuildContext? context, AnalysisOptions options, bool includeUnsafe) =>
        Fix(tree, context, options, includeUnsafe, EcosystemCatalogue.Default);

    /// <summary>As <see cref="Fix(DockerfileSyntax, BuildContext?, AnalysisOptions, bool)"/> with another catalogue.</summary>
    public static FixOutcome Fix(DockerfileSyntax tree, BuildContext? context, AnalysisOptions options, bool includeUnsafe, IEcosystemCatalogue catalogue) =>
        Fix(tree, context, options, includeUnsafe, catalogue, planEveryStage: false);

    // `planEveryStage` turns off the skipping of stages that cannot have a finding, so tests can compare both ways.
    internal static FixOutcome Fix(DockerfileSyntax tree, BuildContext? context, AnalysisOptions options, bool includeUnsafe, IEcosystemCatalogue catalogue, bool planEveryStage)
    {
        // Every round classifies every RUN again, and most are unchanged: remember the verdicts for all rounds.
        catalogue = MemoizedEcosystemCatalogue.Over(catalogue);
        // The tree is lossless: its source text is what ToFullString would rebuild, without a copy of the whole file.
        var original = tree.Source.Text;
        var firstFindings = Analyze(tree, context, options, catalogue);
        var findings = firstFindings;
        var applied = new List<Fix>();
        var written = new Dictionary<string, FileWrite>(StringComparer.Ordinal);
        DockerfileSyntax? current = tree;
        int currentDiagnostics = tree.Diagnostics.Count;
        var currentContext = context;
        string text = original;
        for (int round = 0; round < MaxFixRounds; round++)
        {
            // A loop, not Where(...).Select(...): a generic virtual call, which a native build resolves at run time.
            var fixes = new List<Fix>();
            foreach (var f in findings)
            {
                if (f.Fix is not null && (f.Fix.Applicability == FixApplicability.Safe || includeUnsafe)) fixes.Add(f.Fix);
            }
            // Fixes that only write other files (DR003's .dockerignore) change the context, not the text.
            var fileFixes = fixes.Where(f => f.Edits.Count == 0 && f.FileWrites.Count > 0 && f.FileWrites.Any(w => !written.ContainsKey(w.ContextPath))).ToList();
            // Except only when there is something to take out: its set and iterator were a tenth of a small file's fixing.
            var (accepted, edits) = FixApplier.Select(fileFixes.Count == 0 ? fixes : fixes.Except(fileFixes));
            bool textChanged = false;
            ReanalyzedStages? reanalyzed = null;
            if (edits.Count > 0)
            {
                // Worked out before the old tree goes: which stages the edits touch, and which had findings.
                var touched = planEveryStage || fileFixes.Count > 0 ? null : ReanalyzedStages.After(current!, edits.Select(e => e.Edit), findings);
                // Let the last tree go before the next text and tree are built: holding both doubled the peak memory of a big file.
                current = null;
                // The old tree of a big file has lived long enough to reach the oldest generation, which is collected
                // rarely: collect it and the analysis's garbage now, so the new text and tree reuse that memory.
                // Not a heap hard limit instead: one low enough to lower the peak failed the 5 MiB file (bench/PERF-NOTES.md).
                if (text.Length >= BigFileLength) GC.Collect();
                var next = FixApplier.Write(text, edits);
                if (!string.Equals(next, text, StringComparison.Ordinal))
                {
                    var reparsed = DockerfileParser.Parse(SourceText.From(next));
                    // A fix that breaks the parse is a bug: keep the last good text rather than write it.
                    if (reparsed.Diagnostics.Count <= currentDiagnostics)
                    {
                        applied.AddRange(accepted);
                        text = next;
                        current = reparsed;
                        currentDiagnostics = reparsed.Diagnostics.Count;
                        textChanged = true;
                        reanalyzed = touched;
                    }
                }
            }
            foreach (var fix in fileFixes)
            {
                applied.Add(fix);
                foreach (var w in fix.FileWrites)
                    written[w.ContextPath] = written.TryGetValue(w.ContextPath, out var earlier) ? w with { OriginalContent = earlier.OriginalContent } : w;
            }
            if (!textChanged && fileFixes.Count == 0) break;
            if (fileFixes.Count > 0 && context is not null)
            {
                var overlay = new OverlayContextFileSystem(context.FileSystem, written.ToDictionary(kv => kv.Key, kv => kv.Value.NewContent, StringComparer.Ordinal));
                // The ignore file a fix writes is the one in force (or the new root one).
                var ignore = written.Values.LastOrDefault(w => w.ContextPath.EndsWith(BuildContext.RootDockerIgnoreName, StringComparison.Ordinal));
                currentContext = ignore is null
                    ? BuildContext.Open(overlay, context.DockerIgnore, context.DockerIgnorePath)
                    : BuildContext.Open(overlay, DockerIgnore.Parse(ignore.NewContent), ignore.ContextPath);
            }
            current ??= DockerfileParser.Parse(SourceText.From(text));
            // A round that changed the context (a new .dockerignore) may change any stage's findings: plan them all.
            findings = Analyze(current, currentContext, options, catalogue, fileFixes.Count > 0 ? null : reanalyzed);
        }
        return new FixOutcome
        {
            OriginalText = original,
            FixedText = text,
            Findings = firstFindings,
            AppliedFixes = applied,
            RemainingFindings = applied.Count == 0 ? firstFindings : findings,
            FileWrites = written.Values.OrderBy(w => w.ContextPath, StringComparer.Ordinal).ToList(),
        };
    }
}
