using System.Collections.Concurrent;
using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Configuration;
using DockerReorder.Cli.Discovery;
using DockerReorder.Cli.Files;
using DockerReorder.Cli.Output;
using Microsoft.Extensions.FileSystemGlobbing;

namespace DockerReorder.Cli.Processing;

/// <summary>One run of the main command: find the Dockerfiles, process them in parallel, report in a deterministic order, choose the exit code.</summary>
public sealed class ReorderRun(ReorderSettings settings, OutputChannels channels, string workingDirectory, Func<Stream> standardInput, bool outputIsTerminal)
{
    private readonly ConcurrentDictionary<string, Matcher> _configExcludes = new(StringComparer.Ordinal);

    /// <summary>Runs and returns the exit code.</summary>
    public int Execute()
    {
        var runErrors = new List<string>();
        var discovery = new DockerfileDiscovery(workingDirectory, settings.Include, settings.Exclude);
        var configurations = new ConfigurationLocator(p => discovery.DisplayPathOf(p));
        if (settings.Context is { } context && !Directory.Exists(Path.GetFullPath(context, workingDirectory)))
        {
            channels.Error.WriteLine($"{context}: no such directory (--context)");
            return ExitCodes.Error;
        }
        var effective = settings.Context is { } ctx ? settings with { Context = Path.GetFullPath(ctx, workingDirectory) } : settings;
        var processor = new DockerfileProcessor(effective, configurations, p => discovery.DisplayPathOf(p));

        FileReport[] reports;
        if (settings.Paths.Contains("-"))
        {
            if (settings.Paths.Count > 1)
            {
                channels.Error.WriteLine("-: standard input cannot be combined with other paths");
                return ExitCodes.Error;
            }
            // Without --context, the context of standard input is the working directory.
            var stdinSettings = effective with { Context = effective.Context ?? workingDirectory };
            reports = [ProcessStandardInput(new DockerfileProcessor(stdinSettings, configurations, p => discovery.DisplayPathOf(p)))];
        }
        else
        {
            var found = discovery.Discover(settings.Paths);
            runErrors.AddRange(found.Errors);
            var files = new List<DiscoveredFile>();
            foreach (var file in found.Files)
            {
                try
                {
                    if (file.Explicit || !ExcludedByConfiguration(file, configurations)) files.Add(file);
                }
                catch (ConfigurationException e) { runErrors.Add(e.Message); }
            }
            if (files.Count == 0 && runErrors.Count == 0 && !settings.Quiet)
                channels.Error.WriteLine("warning: no Dockerfiles found");
            reports = new FileReport[files.Count];
            ProcessAll(processor, files, reports, withWriteTime: settings.Mode == RunMode.Write);
        }
        return Report(reports, runErrors);
    }

    // Reports keep the files' order whichever thread processed them.
    private static void ProcessAll(DockerfileProcessor processor, List<DiscoveredFile> files, FileReport[] reports, bool withWriteTime) =>
        ParallelLoop.For(files.Count, i => reports[i] = ProcessFile(processor, files[i], withWriteTime));

    private static FileReport ProcessFile(DockerfileProcessor processor, DiscoveredFile file, bool withWriteTime)
    {
        try
        {
            var content = DockerfileReader.Read(file.FullPath, file.DisplayPath, withWriteTime);
            return processor.Process(new DockerfileInput(file.DisplayPath, file.FullPath, file.FullPath, content));
        }
        catch (FileProblem e) { return new FileReport { DisplayPath = file.DisplayPath, Errors = [e.Message] }; }
    }

    private FileReport ProcessStandardInput(DockerfileProcessor processor)
    {
        var display = settings.StdinFileName ?? "-";
        var nominal = Path.GetFullPath(settings.StdinFileName ?? "Dockerfile", workingDirectory);
        using var buffer = new MemoryStream();
        using (var input = standardInput()) input.CopyTo(buffer);
        var bytes = buffer.ToArray();
        try { DockerfileReader.Check(bytes, display); }
        catch (FileProblem e) { return new FileReport { DisplayPath = display, FromStandardInput = true, Errors = [e.Message] }; }
        return processor.Process(new DockerfileInput(display, null, nominal, new DockerfileContent(bytes, null)));
    }

    private bool ExcludedByConfiguration(DiscoveredFile file, ConfigurationLocator configurations)
    {
        var config = configurations.For(Path.GetDirectoryName(file.FullPath)!);
        if (config?.Exclude is not { Count: > 0 } patterns) return false;
        var matcher = _configExcludes.GetOrAdd(config.FilePath, _ =>
        {
            var m = new Matcher(StringComparison.Ordinal);
            foreach (var p in patterns)
            {
                var anchored = p.Contains('/') ? p.TrimStart('/') : "**/" + p;
                m.AddInclude(anchored);
                m.AddInclude(anchored.TrimEnd('/') + "/**");
            }
            return m;
        });
        var relative = Path.GetRelativePath(config.Directory, file.FullPath).Replace(Path.DirectorySeparatorChar, '/');
        return matcher.Match(relative).HasMatches;
    }

    private int Report(IReadOnlyList<FileReport> reports, List<string> runErrors)
    {
        var summary = RunSummary.Of(reports, runErrors.Count);
        bool stdinWrite = settings.Mode == RunMode.Write && reports.Count == 1 && reports[0].FromStandardInput;
        // With "- --write" standard output carries the fixed Dockerfile; the report goes to standard error.
        var reportText = stdinWrite ? channels.Error : channels.Out;
        foreach (var error in runErrors) channels.Error.WriteLine(error);
        switch (settings.Format)
        {
            case OutputFormat.Json:
                ForEachReport(reports, _ => { });
                reportText.Flush();
                JsonReporter.Write(reports, runErrors, summary, VersionText.Current, stdinWrite ? StreamOf(channels.Error) : channels.OutputStream);
                break;
            case OutputFormat.Sarif:
                ForEachReport(reports, _ => { });
                reportText.Flush();
                SarifReporter.Write(reports, runErrors, VersionText.Current, stdinWrite ? StreamOf(channels.Error) : channels.OutputStream);
                break;
            case OutputFormat.GitHub:
                ForEachReport(reports, r => GitHubReporter.Write(r, reportText));
                break;
            default:
                var style = new AnsiStyle(ColorDecision.UseColor(settings.Color, outputIsTerminal, Environment.GetEnvironmentVariable("NO_COLOR")));
                ForEachReport(reports, r => TextReporter.Write(r, settings, reportText, style));
                break;
        }
        if (stdinWrite && reports[0].Errors.Count == 0 && reports[0].FixedBytes is { } fixedBytes) channels.WriteBytes(fixedBytes);
        channels.Out.Flush();
        if (!settings.Quiet && settings.Format == OutputFormat.Text && (reports.Count > 0 || runErrors.Count > 0))
            channels.Error.WriteLine(summary.Describe(settings.Mode));
        int exit = runErrors.Count > 0 ? ExitCodes.Error : ExitCodes.Clean;
        // With --write the changes are done (written, or printed for standard input): only remaining findings count.
        foreach (var r in reports) exit = Math.Max(exit, r.ExitCode(settings.Mode == RunMode.Write));
        return exit;
    }

    // Errors and verbose notes go to standard error in file order, next to the file's own output.
    private void ForEachReport(IReadOnlyList<FileReport> reports, Action<FileReport> write)
    {
        foreach (var report in reports)
        {
            if (settings.Verbose) foreach (var note in report.Notes) channels.Error.WriteLine(note);
            channels.Out.Flush();
            foreach (var error in report.Errors) channels.Error.WriteLine(error);
            write(report);
        }
    }

    private static Stream StreamOf(TextWriter writer)
    {
        writer.Flush();
        return writer is StreamWriter sw ? sw.BaseStream : Console.OpenStandardError();
    }
}
