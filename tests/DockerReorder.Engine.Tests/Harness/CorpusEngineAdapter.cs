using System.Text.Json;
using System.Text.RegularExpressions;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// Makes a corpus Dockerfile buildable on the offline engine without changing what the rewrite is
/// judged on. The same text changes apply to the original and the fixed Dockerfile: a
/// <c># syntax=</c> directive is replaced by a comment (the frontend image cannot be pulled; the
/// line count is kept) and <c>@sha256:</c> digests are dropped from image references (a local image
/// cannot be tagged with a digest). Every image a <c>FROM</c> or <c>--from</c> names (with the global
/// <c>ARG</c> defaults substituted) is tagged from the base image. In the context copy, each source a
/// <c>COPY</c>/<c>ADD</c> names that the manifest-only corpus lacks is created as a small dummy file or
/// folder, and a dummy source file is put in the first folder the Dockerfile copies (the one the
/// cache probe touches); a Python project named in pyproject.toml gets a dummy package.
/// </summary>
public static partial class CorpusEngineAdapter
{
    /// <summary>The file name of the dummy source put in the first copied folder.</summary>
    public const string ProbeSourceName = "dr-engine-source.txt";

    /// <summary>The engine-ready text of <paramref name="dockerfileText"/>.</summary>
    public static string AdaptText(string dockerfileText)
    {
        var withoutDigests = DigestPattern().Replace(dockerfileText, string.Empty);
        return SyntaxDirectivePattern().Replace(withoutDigests, "$1# (syntax directive removed: the engine is offline)", 1);
    }

    /// <summary>
    /// The working directory a real image sets that Dockerfiles rely on without a WORKDIR of their own
    /// (<c>php:*-apache</c>: <c>/var/www/html</c>), or null: such names are tagged from a base image with that WORKDIR.
    /// </summary>
    public static string? WorkingDirectoryOf(string image) =>
        image.StartsWith("php:", StringComparison.Ordinal) && image.EndsWith("-apache", StringComparison.Ordinal) ? "/var/www/html" : null;

    /// <summary>The external images <paramref name="dockerfileText"/> (already adapted) builds from or copies from.</summary>
    public static IReadOnlyList<string> ImageNames(string dockerfileText)
    {
        var instructions = DockerfileInstruction.Read(dockerfileText);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var images = new SortedSet<string>(StringComparer.Ordinal);
        var seenFrom = false;
        foreach (var instruction in instructions)
        {
            var words = instruction.Text.Split(' ');
            if (instruction.Keyword == "ARG" && !seenFrom && words.Length > 1)
            {
                var eq = words[1].IndexOf('=', StringComparison.Ordinal);
                arguments[eq < 0 ? words[1] : words[1][..eq]] = eq < 0 ? string.Empty : words[1][(eq + 1)..].Trim('"', '\'');
            }
            else if (instruction.Keyword == "FROM")
            {
                seenFrom = true;
                var reference = words.Skip(1).FirstOrDefault(w => !w.StartsWith("--", StringComparison.Ordinal));
                if (reference is not null)
                {
                    AddImage(Substitute(reference, arguments), stages, images);
                }

                if (instruction.StageName.Length > 0)
                {
                    stages.Add(instruction.StageName);
                }
            }
            else
            {
                foreach (var match in FromFlagPattern().Matches(instruction.Text).Cast<Match>())
                {
                    AddImage(Substitute(match.Groups["ref"].Value, arguments), stages, images);
                }
            }
        }

        return images.ToList();
    }

    /// <summary>
    /// Creates the missing copy sources of <paramref name="dockerfileText"/> in <paramref name="contextCopy"/> and
    /// returns the context-relative dummy file the cache probe should touch, or null when the Dockerfile
    /// copies no folder or wildcard.
    /// </summary>
    public static string? CreateDummySources(string dockerfileText, string contextCopy)
    {
        string? touched = null;
        foreach (var source in CopySources(dockerfileText))
        {
            var path = source.Replace('\\', '/').TrimStart('/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            path = path.TrimEnd('/');
            if (path is "" or ".")
            {
                var root = CreateFile(contextCopy, ProbeSourceName);
                touched ??= root;
                continue;
            }

            var slash = path.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : path[..slash];
            var name = path[(slash + 1)..];
            if (folder.AsSpan().IndexOfAny("*?[") >= 0)
            {
                continue;
            }

            if (name.AsSpan().IndexOfAny("*?[") >= 0)
            {
                var full = Path.Combine(contextCopy, folder);
                var existing = Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any(e => GlobMatches(name, Path.GetFileName(e)));
                var dummy = Path.Combine(folder, name.Replace("*", "dr_engine_source", StringComparison.Ordinal).Replace('?', 'x'));
                if (!existing && name.IndexOf('[', StringComparison.Ordinal) < 0)
                {
                    var created = CreateFile(contextCopy, dummy);
                    touched ??= created;
                }

                continue;
            }

            var target = Path.Combine(contextCopy, path);
            if (Directory.Exists(target) || (!File.Exists(target) && !name.Contains('.', StringComparison.Ordinal)))
            {
                // A folder (or a missing name without an extension, which the real repositories hold as one).
                var inFolder = CreateFile(contextCopy, Path.Combine(path, ProbeSourceName));
                touched ??= inFolder;
            }
            else if (!File.Exists(target))
            {
                CreateFile(contextCopy, path);
            }
        }

        return touched;
    }

    /// <summary>
    /// A context whose root pyproject.toml names a project gets a dummy package for it
    /// (<c>name/__init__.py</c>) when it has none: the real repository holds the package, which
    /// installing the project (poetry install without --no-root) needs; the corpus keeps only manifests.
    /// </summary>
    public static void CreateDummyPythonPackage(string contextCopy)
    {
        var pyproject = Path.Combine(contextCopy, "pyproject.toml");
        if (!File.Exists(pyproject))
        {
            return;
        }

        var name = File.ReadLines(pyproject)
            .Select(l => ProjectNamePattern().Match(l))
            .FirstOrDefault(m => m.Success)?.Groups["name"].Value;
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var module = name.ToLowerInvariant().Replace('-', '_').Replace('.', '_');
        if (!Directory.Exists(Path.Combine(contextCopy, module)) && !Directory.Exists(Path.Combine(contextCopy, "src", module)) && !File.Exists(Path.Combine(contextCopy, module + ".py")))
        {
            CreateFile(contextCopy, Path.Combine(module, "__init__.py"));
        }
    }

    private static string CreateFile(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (!File.Exists(full))
        {
            File.WriteAllText(full, "dummy source created for the engine run\n");
        }

        return relative.Replace('\\', '/');
    }

    // The context sources of every COPY/ADD without --from, in Dockerfile order (URLs skipped).
    private static IEnumerable<string> CopySources(string dockerfileText)
    {
        foreach (var instruction in DockerfileInstruction.Read(dockerfileText).Where(i => i.Keyword is "COPY" or "ADD"))
        {
            var rest = instruction.Text[instruction.Keyword.Length..].Trim();
            var words = new List<string>();
            while (rest.StartsWith("--", StringComparison.Ordinal))
            {
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                words.Add(space < 0 ? rest : rest[..space]);
                rest = space < 0 ? string.Empty : rest[(space + 1)..].Trim();
            }

            if (words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            {
                continue;
            }

            var operands = rest.StartsWith('[') ? JsonOperands(rest) : rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in operands.Take(Math.Max(0, operands.Length - 1)))
            {
                if (!source.Contains("://", StringComparison.Ordinal))
                {
                    yield return source;
                }
            }
        }
    }

    private static string[] JsonOperands(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(text) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void AddImage(string reference, HashSet<string> stages, SortedSet<string> images)
    {
        if (reference.Length == 0 || stages.Contains(reference) || reference == "scratch" || reference.All(char.IsAsciiDigit))
        {
            return;
        }

        images.Add(reference);
    }

    private static string Substitute(string reference, Dictionary<string, string> arguments) =>
        VariablePattern().Replace(reference, m =>
        {
            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["plain"].Value;
            var fallback = m.Groups["default"].Success ? m.Groups["default"].Value : string.Empty;
            return arguments.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback;
        });

    private static bool GlobMatches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$");

    [GeneratedRegex(@"^name\s*=\s*""(?<name>[^""]+)""")]
    private static partial Regex ProjectNamePattern();

    [GeneratedRegex(@"@sha256:[0-9a-fA-F]{64}")]
    private static partial Regex DigestPattern();

    [GeneratedRegex(@"\A((?:#[^\n]*\n)*?)#[ \t]*syntax[ \t]*=[^\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex SyntaxDirectivePattern();

    [GeneratedRegex(@"(?:--|,)from=(?<ref>[^\s,]+)")]
    private static partial Regex FromFlagPattern();

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?::?-(?<default>[^}]*))?\}|(?<plain>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex VariablePattern();
}
