using DockerReorder.Analysis;
using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Explain;
using DockerReorder.Analysis.Fixes;
using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Configuration;
using DockerReorder.Cli.Context;
using DockerReorder.Cli.Diffs;
using DockerReorder.Cli.Files;
using DockerReorder.Syntax;

namespace DockerReorder.Cli.Processing;

/// <summary>Processes one Dockerfile: parse, analyze, fix, diff, explain and (with <c>--write</c>) write. Never throws: problems become report errors.</summary>
public sealed class DockerfileProcessor(ReorderSettings settings, ConfigurationLocator configurations, Func<string, string> displayPath)
{
    /// <summary>Processes <paramref name="input"/>.</summary>
    public FileReport Process(DockerfileInput input)
    {
        // The handlers name the file, not the input: an input they used would keep its bytes alive to the end.
        var display = input.DisplayPath;
        try
        {
            return ProcessCore(input);
        }
        catch (FileProblem e) { return new FileReport { DisplayPath = display, Errors = [e.Message] }; }
        catch (ConfigurationException e) { return new FileReport { DisplayPath = display, Errors = [e.Message] }; }
        catch (Exception e)
        {
            // The one-line contract holds for bugs too: no stack trace, nothing written.
            return new FileReport { DisplayPath = display, Errors = [InternalError.Describe(display, e)] };
        }
    }

    // Only JSON and the text of a dry run or --diff show the diff; on a big file it was a tenth of a --check.
    private static bool PrintsDiff(ReorderSettings settings) =>
        settings.Format == OutputFormat.Json || settings.Mode is RunMode.DryRun or RunMode.Diff;

    private FileReport ProcessCore(DockerfileInput input)
    {
        // Only --write reads the bytes again (to check the file is unchanged before replacing it); in the other modes
        // nothing holds them after the parse, which was 5 MB of a 5 MiB file's live memory through both fix rounds.
        var (display, fullPath, nominalPath, bytes) = (input.DisplayPath, input.FullPath, input.NominalPath, input.Content.Bytes);
        var content = settings.Mode == RunMode.Write ? input.Content : null;
        // Notes are only shown with --verbose: without it, two formatted lines a file were made for nothing.
        List<string>? notes = settings.Verbose ? [] : null;
        var folder = Path.GetDirectoryName(nominalPath)!;
        var config = configurations.For(folder);
        if (config is not null) notes?.Add($"{display}: configuration {displayPath(config.FilePath)}");
        bool includeUnsafe = settings.UnsafeFixes ?? config?.UnsafeFixes ?? false;
        var options = OptionsFor(config);

        var tree = DockerfileParser.Parse(bytes);
        var syntaxErrors = new List<string>();
        foreach (var d in tree.Diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error) syntaxErrors.Add($"{display}:{d.Position.Line}:{d.Position.Column}: {d.Message}");
        }
        if (syntaxErrors.Count > 0) return new FileReport { DisplayPath = display, Errors = syntaxErrors, Notes = notes ?? [] };

        var contextDirectory = settings.Context is { } c ? Path.GetFullPath(c) : folder;
        var relative = Path.GetRelativePath(contextDirectory, nominalPath);
        string? dockerfileInContext = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace(Path.DirectorySeparatorChar, '/');
        var files = new FileSystemContext(contextDirectory);
        // A file that copies nothing from its context has no finding: its ignore files need not be looked for.
        var context = DockerfileAnalyzer.CopiesFromContext(tree) ? BuildContext.Open(files, dockerfileInContext) : null;
        notes?.Add($"{display}: context {displayPath(contextDirectory)}");

        // Read what explaining needs from the original tree now: once fixing has its own tree, the original can go.
        var classifier = settings.Explain ? new ManifestSourceClassifier(options.ExtraManifestNames, files) : null;
        var explainedBefore = classifier is null ? null : SourceEditPrediction.Predict(CacheStageReader.Read(tree), classifier.IsManifestOnly);
        var outcome = DockerfileAnalyzer.Fix(tree, context, options, includeUnsafe);
        var index = new FixOutcomeIndex(outcome);
        var findings = outcome.Findings.Select(f => Report(f, index, includeUnsafe)).ToList();
        var remainingAfterWrite = outcome.RemainingFindings.Select(f => Report(f, index, includeUnsafe)).ToList();
        var remainingOnOriginal = OnOriginal(outcome, index, includeUnsafe);

        var diff = new System.Text.StringBuilder();
        if (PrintsDiff(settings))
        {
            diff.Append(UnifiedDiffPrinter.Print(display, outcome.OriginalText, outcome.FixedText));
            foreach (var write in outcome.FileWrites)
            {
                var full = Path.Combine(contextDirectory, write.ContextPath.Replace('/', Path.DirectorySeparatorChar));
                diff.Append(UnifiedDiffPrinter.Print(displayPath(full), write.OriginalContent, write.NewContent));
            }
        }
        bool changed = outcome.Changed || outcome.FileWrites.Any(w => !string.Equals(w.OriginalContent, w.NewContent, StringComparison.Ordinal));
        // Only --write uses the fixed bytes: encoding them for a check was a second copy of a big file.
        var fixedBytes = settings.Mode != RunMode.Write ? null : outcome.Changed ? SourceText.Encode(outcome.FixedText) : content!.Bytes;

        bool written = false;
        if (settings.Mode == RunMode.Write && changed && fullPath is not null)
        {
            if (outcome.Changed) AtomicFileWriter.Replace(fullPath, display, content!, fixedBytes!);
            ApplyFileWrites(outcome.FileWrites, contextDirectory);
            files.Forget(); // the context now holds the files just written
            written = true;
        }

        IReadOnlyList<string> explanation = [];
        if (classifier is not null && explainedBefore is not null)
        {
            var afterClassifier = classifier.WithManifestPaths(outcome.AppliedFixes.SelectMany(f => f.CopiedManifests));
            var after = SourceEditPrediction.Predict(CacheStageReader.Read(DockerfileParser.Parse(outcome.FixedText)), afterClassifier.IsManifestOnly);
            explanation = RebuildExplanation.Format(explainedBefore, after).Select(l => $"{display}: {l}").ToList();
        }

        bool writeMode = settings.Mode == RunMode.Write;
        return new FileReport
        {
            DisplayPath = display,
            FromStandardInput = fullPath is null,
            Findings = findings,
            OnDisk = written ? remainingAfterWrite : findings,
            Remaining = writeMode ? remainingAfterWrite : remainingOnOriginal,
            Changed = changed,
            Written = written,
            Diff = diff.ToString(),
            FixedBytes = fixedBytes,
            Explanation = explanation,
            Notes = notes ?? [],
        };
    }

    // The options of files without a configuration file, and of each configuration file: made once, not per file.
    private AnalysisOptions? _optionsWithoutConfiguration;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ReorderConfiguration, AnalysisOptions> _optionsByConfiguration = new(ReferenceEqualityComparer.Instance);

    private AnalysisOptions OptionsFor(ReorderConfiguration? config)
    {
        if (config is null) return _optionsWithoutConfiguration ??= NewOptions(null);
        return _optionsByConfiguration.GetOrAdd(config, NewOptions);
    }

    private AnalysisOptions NewOptions(ReorderConfiguration? config)
    {
        var select = settings.Select ?? config?.Select;
        return new AnalysisOptions
        {
            Select = select is null ? null : new HashSet<string>(select, StringComparer.Ordinal),
            Ignore = new HashSet<string>(settings.Ignore ?? config?.Ignore ?? [], StringComparer.Ordinal),
            ExtraManifestNames = config?.ExtraManifests ?? [],
        };
    }

    private void ApplyFileWrites(IReadOnlyList<FileWrite> writes, string contextDirectory)
    {
        foreach (var write in writes)
        {
            var full = Path.Combine(contextDirectory, write.ContextPath.Replace('/', Path.DirectorySeparatorChar));
            var expected = write.OriginalContent is null ? null : SourceText.Encode(write.OriginalContent);
            AtomicFileWriter.ReplaceText(full, displayPath(full), expected, SourceText.Encode(write.NewContent));
        }
    }

    private static ReportedFinding Report(Finding finding, FixOutcomeIndex index, bool includeUnsafe)
    {
        var status = finding.Fix is { } fix && index.Applied(fix) ? FindingStatus.Fixed
            : finding.Fix is { Applicability: FixApplicability.Unsafe } && !includeUnsafe ? FindingStatus.UnsafeFixAvailable
            : finding.Fix is null ? FindingStatus.NoFix
            : index.Remains(finding) ? FindingStatus.NoFix
            : FindingStatus.Fixed; // fixed by a later pass of the fix loop
        var reason = status switch
        {
            FindingStatus.UnsafeFixAvailable => finding.Fix?.UnsafeReason,
            FindingStatus.NoFix => finding.NoFixReason ?? (finding.Fix is not null ? "its fix overlaps another fix" : null),
            _ => null,
        };
        return new ReportedFinding(finding.Rule, finding.Message, finding.Position.Line, finding.Position.Column, status, reason);
    }

    // The findings left after fixing, placed on the original text (where the dry run's reader looks) when the original has the
    // same finding. Two findings can say the same (two installs blocked by one step): the n-th left takes the n-th original.
    private static List<ReportedFinding> OnOriginal(FixOutcome outcome, FixOutcomeIndex index, bool includeUnsafe)
    {
        var result = new List<ReportedFinding>(outcome.RemainingFindings.Count);
        Dictionary<(string, string), int>? taken = null;
        foreach (var remaining in outcome.RemainingFindings)
        {
            var key = FixOutcomeIndex.KeyOf(remaining);
            taken ??= new();
            taken.TryGetValue(key, out var earlier);
            taken[key] = earlier + 1;
            var same = index.OriginalsLike(key);
            var original = earlier < same.Count ? same[earlier] : same.Count > 0 ? same[0] : null;
            var reported = Report(remaining, index, includeUnsafe);
            if (reported.Status == FindingStatus.Fixed) reported = reported with { Status = FindingStatus.NoFix };
            result.Add(original is null ? reported : reported with { Line = original.Position.Line, Column = original.Position.Column });
        }
        return result;
    }
}
