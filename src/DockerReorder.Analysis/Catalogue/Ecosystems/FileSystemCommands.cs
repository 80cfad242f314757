using System.Collections.Frozen;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Commands that change files: <c>mkdir</c>, <c>chmod</c>, <c>chown</c>, <c>ln</c>, <c>rm</c>, <c>cp</c>, <c>mv</c>,
/// <c>touch</c>, <c>tee</c>, <c>sed -i</c>, <c>tar</c>, <c>unzip</c>. Absolute paths outside the working directory
/// read nothing from the context; a path in the working directory touches what the broad copy wrote, so it needs the source.
/// </summary>
internal static class FileSystemCommands
{
    private static readonly FrozenSet<string> ModeOptions = FrozenSet.ToFrozenSet(["-m", "--mode", "--reference", "--from"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> CopyOptions = FrozenSet.ToFrozenSet(["-t", "--target-directory", "-S", "--suffix", "-m", "--mode", "-o", "--owner", "-g", "--group"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> SedOptions = FrozenSet.ToFrozenSet(["-e", "--expression", "-f", "--file", "-l", "--line-length"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> TarOptions = FrozenSet.ToFrozenSet(["-f", "--file", "-C", "--directory", "-T", "--files-from", "-X", "--exclude-from", "--strip-components", "--transform", "--exclude", "--owner", "--group", "--mode", "-I", "--use-compress-program", "-b", "--blocking-factor"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> UnzipOptions = FrozenSet.ToFrozenSet(["-d", "-x", "-P"], StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["mkdir"] = WritesEveryOperand;
        table["rm"] = WritesEveryOperand;
        table["rmdir"] = WritesEveryOperand;
        table["touch"] = WritesEveryOperand;
        table["tee"] = WritesEveryOperand;
        table["chmod"] = ChangesAttributes;
        table["chown"] = ChangesAttributes;
        table["chgrp"] = ChangesAttributes;
        table["ln"] = Link;
        table["cp"] = Copy;
        table["mv"] = Copy;
        table["install"] = Copy;
        table["sed"] = Sed;
        table["tar"] = Tar;
        table["unzip"] = Unzip;
        table["gunzip"] = Decompress;
        table["gzip"] = Decompress;
        table["xz"] = Decompress;
        table["bunzip2"] = Decompress;
        table["zstd"] = Decompress;
    }

    private static void WritesEveryOperand(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, ModeOptions);
        if (arguments.Positionals.Count == 0 && command.Name != "tee")
        {
            command.NotKnown();
            return;
        }

        foreach (var operand in arguments.Positionals)
        {
            command.WritesPath(operand, deletes: command.Name is "rm" or "rmdir");
        }
    }

    private static void ChangesAttributes(CommandInvocation command)
    {
        var operands = new List<ShellWord>();
        var first = 1;
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var text = arguments[i].Value;
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                if (text.StartsWith("--reference", StringComparison.Ordinal))
                {
                    first = 0;
                    i += text == "--reference" ? 1 : 0;
                }

                continue;
            }

            if (text.Length > 1 && text[0] == '-' && IsOption(text))
            {
                continue;
            }

            operands.Add(arguments[i]);
        }

        if (operands.Count <= first)
        {
            command.NotKnown();
            return;
        }

        for (var i = first; i < operands.Count; i++)
        {
            command.WritesPath(operands[i]);
        }
    }

    /// <summary>True for a real chmod/chown option (<c>-R</c>, <c>-v</c>) as opposed to a mode such as <c>-x</c> or <c>-w</c>.</summary>
    private static bool IsOption(string text) => text.AsSpan(1).IndexOfAnyExcept("RvcfhHLP") < 0;

    private static void Link(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, CopyOptions);
        var operands = arguments.Positionals;
        if (operands.Count == 0)
        {
            command.NotKnown();
            return;
        }

        if (operands.Count == 1)
        {
            command.WritesPath(new ShellWord(WorkingPath.FileName(operands[0].Value), operands[0].IsResolved));
            return;
        }

        command.WritesPath(operands[^1]);
        if (!arguments.Has("-s", "--symbolic"))
        {
            for (var i = 0; i < operands.Count - 1; i++)
            {
                command.ReadsPath(operands[i]);
            }
        }
    }

    private static void Copy(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, CopyOptions);
        var operands = arguments.Positionals;
        if (command.Name == "install" && arguments.Has("-d", "--directory"))
        {
            foreach (var operand in operands)
            {
                command.WritesPath(operand);
            }

            return;
        }

        var target = arguments.Value("-t", "--target-directory");
        if (target is null && operands.Count < 2 || operands.Count == 0)
        {
            command.NotKnown();
            return;
        }

        var sources = target is null ? operands.Take(operands.Count - 1) : operands;
        foreach (var source in sources)
        {
            command.ReadsPath(source);
            if (command.Name == "mv")
            {
                command.WritesPath(source);
            }
        }

        command.WritesPath(target ?? operands[^1]);
    }

    private static void Sed(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, SedOptions);
        var files = arguments.Positionals.Skip(arguments.Has("-e", "--expression", "-f", "--file") ? 0 : 1).ToList();
        var inPlace = command.Arguments.Any(word => word.Value.StartsWith("-i", StringComparison.Ordinal) || word.Value.StartsWith("--in-place", StringComparison.Ordinal)
            || word.Value.Length > 1 && word.Value[0] == '-' && word.Value[1] != '-' && word.Value.Contains('i', StringComparison.Ordinal) && !word.Value.Contains('e', StringComparison.Ordinal));
        foreach (var file in arguments.Values("-f", "--file"))
        {
            command.ReadsPath(file);
        }

        foreach (var file in files)
        {
            if (inPlace)
            {
                command.WritesPath(file);
            }
            else
            {
                command.ReadsPath(file);
            }
        }
    }

    private static void Tar(CommandInvocation command)
    {
        var words = command.Arguments;
        if (words.Count > 0 && !words[0].Value.StartsWith('-') && words[0].Value.All(char.IsAsciiLetter))
        {
            words = [new ShellWord("-" + words[0].Value, words[0].IsResolved), .. words.Skip(1)];
        }

        var arguments = ParsedArguments.Parse(words, TarOptions);
        var extract = arguments.Has("-x", "--extract", "--get");
        var list = arguments.Has("-t", "--list");
        if (!extract && !list)
        {
            command.NotKnown();
            return;
        }

        if (arguments.Value("-f", "--file") is { } archive && archive.Value != "-")
        {
            command.ReadsPath(archive);
        }
        else if (!command.StdinFromPipe)
        {
            command.NotKnown();
            return;
        }

        if (extract)
        {
            command.WritesPath(arguments.Value("-C", "--directory") ?? new ShellWord("."));
        }
    }

    private static void Unzip(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, UnzipOptions);
        if (arguments.Positionals.Count == 0)
        {
            command.NotKnown();
            return;
        }

        command.ReadsPath(arguments.Positionals[0]);
        command.WritesPath(arguments.Value("-d") ?? new ShellWord("."));
    }

    private static void Decompress(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, ScriptClassifier.NoValues);
        var toStdout = arguments.Has("-c", "--stdout", "--to-stdout");
        if (arguments.Positionals.Count == 0 && command.StdinFromPipe)
        {
            return;
        }

        foreach (var file in arguments.Positionals)
        {
            command.ReadsPath(file);
            if (!toStdout)
            {
                command.WritesPath(file);
            }
        }
    }
}
