namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>
/// Follows a pip requirements or constraints file: records it as a read, then the files it includes with
/// <c>-r</c>/<c>-c</c> (relative to the including file; a <c>file:</c> URL relative to the current directory), and reports local installs inside it (<c>-e .</c>, <c>./lib</c>, <c>file:</c>).
/// </summary>
internal static class RequirementsFile
{
    /// <summary>
    /// Reads <paramref name="path"/> (resolved) and what it includes; <paramref name="vcsEditables"/>, when given, collects the
    /// editable VCS requirements (<c>-e git+https://...#egg=y</c>), which pip clones into its <c>src</c> folder.
    /// </summary>
    internal static void Follow(CommandInvocation command, string path, HashSet<string> visited, List<string>? vcsEditables = null)
    {
        // Exported from the lock earlier in this step: not a file of the context, and it lists what the export put in it.
        if (command.Classifier.IsExportedRequirements(path, out var needsSource))
        {
            if (needsSource is not null)
            {
                command.NeedsSource($"installs {needsSource}");
            }

            return;
        }

        command.Effect.Read(path, required: true);
        if (!visited.Add(path))
        {
            return;
        }

        var lookup = command.Lookup(path);
        if (lookup.State == ManifestState.Absent)
        {
            return;
        }

        if (lookup.State == ManifestState.Unknown || lookup.Content is null)
        {
            command.CannotRead(path, path);
            return;
        }

        foreach (var line in LogicalLines(lookup.Content))
        {
            var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            var (option, value) = SplitOption(tokens);
            switch (option)
            {
                case "-r" or "--requirement" or "-c" or "--constraint":
                    if (value is not null && Included(command, path, value) is { } included)
                    {
                        Follow(command, included, visited, vcsEditables);
                    }

                    break;
                case "-e" or "--editable":
                    if (value is not null && PythonPackageSpec.IsLocal(value))
                    {
                        LocalInstall(command, path, $"-e {value}", value);
                    }
                    else if (value is not null && PythonPackageSpec.IsVcs(value))
                    {
                        vcsEditables?.Add(value);
                    }

                    break;
                case "-f" or "--find-links":
                    if (value is not null && PythonPackageSpec.LocalFileOrFolder(value) is { } links)
                    {
                        LocalInstall(command, path, $"--find-links {value}", links);
                    }

                    break;
                case null:
                    var spec = line.Split(';')[0].Split(" --", 2)[0].Trim();
                    if (PythonPackageSpec.IsLocal(spec))
                    {
                        LocalInstall(command, path, spec, PythonPackageSpec.LocalPath(spec));
                    }

                    break;
            }
        }
    }

    // The file an include names, resolved: a plain path is relative to the including file's folder; a `file:` URL is
    // opened as it is, relative to the current directory (pip joins only two plain paths, `req_file._parse_and_recurse`).
    // Null for a remote URL, or when the current directory is not known.
    private static string? Included(CommandInvocation command, string including, string value)
    {
        if (PythonPackageSpec.LocalFileOrFolder(value) is not { } local)
        {
            return null;
        }

        return local == value ? WorkingPath.Combine(WorkingPath.DirectoryOf(including), value) : command.Resolve(local);
    }

    private static void LocalInstall(CommandInvocation command, string file, string line, string localPath)
    {
        var resolved = command.Resolve(localPath);
        if (resolved is null || command.TouchesWorkingDirectory(resolved))
        {
            command.Effect.NeedsSource($"`{file}` installs `{line}` from the working directory");
        }
    }

    private static (string? Option, string? Value) SplitOption(string[] tokens)
    {
        var first = tokens[0];
        if (!first.StartsWith('-'))
        {
            return (null, null);
        }

        var equals = first.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return (first[..equals], first[(equals + 1)..]);
        }

        if (first.Length > 2 && first[1] != '-' && first[1] is 'r' or 'c' or 'e' or 'f')
        {
            return (first[..2], first[2..]);
        }

        return (first, tokens.Length > 1 ? tokens[1] : null);
    }

    /// <summary>Lines with continuations joined and comments removed.</summary>
    private static IEnumerable<string> LogicalLines(string content)
    {
        var pending = string.Empty;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            line = pending + line;
            pending = string.Empty;
            var comment = line.StartsWith('#') ? 0 : line.IndexOf(" #", StringComparison.Ordinal);
            var tab = line.IndexOf("\t#", StringComparison.Ordinal);
            if (comment < 0 || tab >= 0 && tab < comment)
            {
                comment = tab;
            }

            var text = (comment >= 0 ? line[..comment] : line).Trim();
            if (text.Length > 0)
            {
                yield return text;
            }
        }

        if (pending.Trim().Length > 0)
        {
            yield return pending.Trim();
        }
    }
}
