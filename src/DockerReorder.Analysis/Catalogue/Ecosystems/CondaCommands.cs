using System.Collections.Frozen;
using DockerReorder.Analysis.Catalogue.Manifests;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// conda, mamba and micromamba creating or updating an environment from a file (<c>conda env create -f environment.yml</c>,
/// <c>micromamba install -y -n base -f env.yaml</c>): the install reads that file and, through its <c>pip:</c> section, the
/// requirements files it names (<c>-r requirements.txt</c>, relative to the environment file); <c>-e .</c>, a local path or a
/// local channel there needs the source (https://docs.conda.io/projects/conda/en/latest/user-guide/tasks/manage-environments.html#create-env-file-manually).
/// </summary>
internal static class CondaCommands
{
    private static readonly FrozenSet<string> Options = FrozenSet.ToFrozenSet(
        ["-f", "--file", "-n", "--name", "-p", "--prefix", "-c", "--channel", "-r", "--root-prefix", "--platform", "--solver"], StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        foreach (var name in (string[])["conda", "mamba", "micromamba"])
        {
            table[name] = command => Conda(command, name);
        }
    }

    private static void Conda(CommandInvocation command, string name)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, Options);
        var words = arguments.Positionals.Select(word => word.Value).ToList();
        var root = command.Variable(name == "micromamba" ? "MAMBA_ROOT_PREFIX" : "CONDA_DIR") ?? "/opt/conda";
        var envCommand = words.Count >= 2 && words[0] == "env" && words[1] is "create" or "update";
        var packageCommand = words.Count >= 1 && words[0] is "create" or "install" or "update";
        var files = arguments.Values("-f", "--file").ToList();
        if (envCommand && files.Count == 0)
        {
            // `conda env create` reads environment.yml from the working directory when no file is named.
            files.Add(new ShellWord("environment.yml"));
        }

        if (words.Count >= 1 && words[0] is "clean" or "config" or "init" or "info" or "list" or "--version" or "shell")
        {
            command.ReadsNothing("conda");
            return;
        }

        if (packageCommand && files.Count == 0 && arguments.Positionals.Skip(1).All(word => word.IsResolved && !PythonPackageSpec.IsLocal(word.Value))
            && arguments.Value("-p", "--prefix") is null && !arguments.Values("-c", "--channel").Any(channel => !channel.Value.Contains("://", StringComparison.Ordinal) && channel.Value.IndexOfAny(['.', '/']) == 0))
        {
            // Named packages from remote channels: nothing from the context.
            command.ReadsNothing("conda", command.Resolve(root) ?? root);
            return;
        }

        if (!(envCommand || packageCommand) || files.Count == 0)
        {
            command.NotKnown();
            return;
        }

        command.Effect.Ecosystem("conda");
        command.Effect.Install(command.Display);
        foreach (var file in files)
        {
            if (!command.TryResolve(file, out var path))
            {
                continue;
            }

            var lookup = command.ReadsAndLooksUp(file.Value, required: true);
            if (lookup.Content is { } content && (path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal)))
            {
                EnvironmentFile(command, WorkingPath.DirectoryOf(file.Value), content);
            }
        }

        foreach (var channel in arguments.Values("-c", "--channel"))
        {
            if (!channel.Value.Contains("://", StringComparison.Ordinal) && (channel.Value.StartsWith('.') || channel.Value.StartsWith('/')))
            {
                command.ReadsPath(channel);
            }
        }

        if (arguments.Value("-p", "--prefix") is { } prefix)
        {
            command.WritesPath(prefix);
        }
        else
        {
            command.Effect.Write(command.Resolve(root) ?? root);
        }
    }

    // The `pip:` items are requirements-file lines pip runs from the environment file's folder; `channels:` may name a local folder.
    private static void EnvironmentFile(CommandInvocation command, string folder, string content)
    {
        var section = string.Empty;
        var pipIndent = -1;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (indent == 0 && !text.StartsWith('-'))
            {
                section = text.TrimEnd(':');
                pipIndent = -1;
                continue;
            }

            if (!text.StartsWith('-'))
            {
                continue;
            }

            var item = text[1..].Trim().Trim('"', '\'');
            var comment = item.IndexOf(" #", StringComparison.Ordinal);
            item = comment >= 0 ? item[..comment].Trim() : item;
            if (section == "channels")
            {
                if (!item.Contains("://", StringComparison.Ordinal) && (item.StartsWith('.') || item.StartsWith('/')) || item.StartsWith("file:", StringComparison.Ordinal))
                {
                    command.NeedsSource($"installs from `{item}`, a local channel of the environment file");
                }

                continue;
            }

            if (section != "dependencies")
            {
                continue;
            }

            if (item == "pip:" || item.StartsWith("pip:", StringComparison.Ordinal) && item.Length == 4)
            {
                pipIndent = indent;
                continue;
            }

            if (pipIndent < 0 || indent <= pipIndent)
            {
                pipIndent = -1;
                continue;
            }

            PipItem(command, folder, item);
        }
    }

    private static void PipItem(CommandInvocation command, string folder, string item)
    {
        var space = item.IndexOfAny([' ', '\t', '=']);
        var option = space < 0 ? item : item[..space];
        var value = space < 0 ? string.Empty : item[(space + 1)..].Trim();
        switch (option)
        {
            case "-r" or "--requirement" or "-c" or "--constraint":
                if (value.Contains('$', StringComparison.Ordinal))
                {
                    command.Effect.MarkUnverified($"{command.Display} reads `{value}`, a path the analysis cannot resolve");
                }
                else if (PythonPackageSpec.LocalFileOrFolder(value) is { } local && command.Resolve(WorkingPath.Combine(folder, local)) is { } path)
                {
                    RequirementsFile.Follow(command, path, new HashSet<string>(StringComparer.Ordinal));
                }

                return;
            case "-e" or "--editable":
                if (!value.Contains("://", StringComparison.Ordinal))
                {
                    command.NeedsSource($"installs `{item}` from the working directory");
                }

                return;
            case "-f" or "--find-links":
                if (PythonPackageSpec.LocalFileOrFolder(value) is not null)
                {
                    command.NeedsSource($"installs `{item}` from the working directory");
                }

                return;
        }

        if (PythonPackageSpec.IsLocal(item))
        {
            command.NeedsSource($"installs `{item}` from the working directory");
        }
    }
}
