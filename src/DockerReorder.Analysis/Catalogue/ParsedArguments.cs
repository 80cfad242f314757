using System.Collections.Frozen;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>
/// A command's arguments split into options and positionals. Options named in a table take a value
/// (<c>-r F</c>, <c>-rF</c>, <c>--requirement F</c>, <c>--requirement=F</c>); clusters of short flags split (<c>-eux</c>).
/// </summary>
internal sealed class ParsedArguments
{
    private ParsedArguments(List<(string Name, ShellWord? Value)> options, List<ShellWord> positionals)
    {
        Options = options;
        Positionals = positionals;
    }

    /// <summary>The options in order, each with its value when it takes one.</summary>
    internal IReadOnlyList<(string Name, ShellWord? Value)> Options { get; }

    /// <summary>The arguments that are not options, in order.</summary>
    internal IReadOnlyList<ShellWord> Positionals { get; }

    /// <summary>Splits <paramref name="arguments"/>, starting at <paramref name="start"/>.</summary>
    /// <param name="arguments">The words after the command name.</param>
    /// <param name="withValue">Options (with their dashes) that take a value.</param>
    /// <param name="start">The first word to look at.</param>
    internal static ParsedArguments Parse(IReadOnlyList<ShellWord> arguments, FrozenSet<string> withValue, int start = 0)
    {
        var options = new List<(string, ShellWord?)>();
        var positionals = new List<ShellWord>();
        for (var i = start; i < arguments.Count; i++)
        {
            var word = arguments[i];
            var text = word.Value;
            if (text == "--")
            {
                for (i++; i < arguments.Count; i++)
                {
                    positionals.Add(arguments[i]);
                }

                break;
            }

            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = text.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    options.Add((text[..equals], new ShellWord(text[(equals + 1)..], word.IsResolved)));
                }
                else if (withValue.Contains(text) && i + 1 < arguments.Count)
                {
                    options.Add((text, arguments[++i]));
                }
                else
                {
                    options.Add((text, null));
                }

                continue;
            }

            if (text.Length > 1 && text[0] == '-')
            {
                for (var j = 1; j < text.Length; j++)
                {
                    var name = "-" + text[j];
                    if (withValue.Contains(name))
                    {
                        if (j + 1 < text.Length)
                        {
                            var rest = text[(j + 1)..];
                            options.Add((name, new ShellWord(rest.StartsWith('=') ? rest[1..] : rest, word.IsResolved)));
                        }
                        else if (i + 1 < arguments.Count)
                        {
                            options.Add((name, arguments[++i]));
                        }
                        else
                        {
                            options.Add((name, null));
                        }

                        break;
                    }

                    options.Add((name, null));
                }

                continue;
            }

            positionals.Add(word);
        }

        return new ParsedArguments(options, positionals);
    }

    /// <summary>True when any of <paramref name="names"/> was given.</summary>
    internal bool Has(params ReadOnlySpan<string> names)
    {
        foreach (var (name, _) in Options)
        {
            foreach (var wanted in names)
            {
                if (name == wanted)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The values given to any of <paramref name="names"/>, in order.</summary>
    internal IEnumerable<ShellWord> Values(params string[] names)
    {
        foreach (var (name, value) in Options)
        {
            if (value is { } given && Array.IndexOf(names, name) >= 0)
            {
                yield return given;
            }
        }
    }

    /// <summary>The last value given to any of <paramref name="names"/>, or null.</summary>
    internal ShellWord? Value(params string[] names)
    {
        ShellWord? last = null;
        foreach (var value in Values(names))
        {
            last = value;
        }

        return last;
    }
}
