namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>
/// A light reading of Gradle build and settings scripts (Groovy and Kotlin DSL) for the files Gradle reads when it
/// configures the build: included projects and builds, scripts applied with <c>apply from</c>, and files the script
/// itself reads. Not a Groovy or Kotlin parser: statements are joined across lines while a parenthesis is open or a
/// line ends with a comma, as <c>include(\n  ":app",\n  ":core",\n)</c> and <c>include 'app',\n  'core'</c> are written.
/// </summary>
internal static class GradleScript
{
    // Idioms that read a file's content while the script runs (https://docs.gradle.org/current/userguide/working_with_files.html):
    // without that file the configuration fails or differs, and which file it is cannot be read statically.
    private static readonly string[] FileReadingIdioms =
        [".text", ".readText(", ".readLines(", ".readBytes(", ".withInputStream", ".withReader", ".load(", ".eachLine", ".inputStream(", ".reader(", ".bufferedReader("];

    /// <summary>One <c>include</c> or <c>includeBuild</c> statement: the literal names it gives, and whether it gives a computed one.</summary>
    internal readonly record struct Inclusion(IReadOnlyList<string> Names, bool IsBuild, bool Computed);

    /// <summary>The <c>include</c> and <c>includeBuild</c> statements of a settings script.</summary>
    internal static IEnumerable<Inclusion> Inclusions(string settings)
    {
        foreach (var statement in Statements(settings))
        {
            for (var at = IndexOfInclude(statement, 0); at >= 0; at = IndexOfInclude(statement, at + 1))
            {
                var isBuild = statement.AsSpan(at).StartsWith("includeBuild", StringComparison.Ordinal);
                var arguments = statement[(at + (isBuild ? "includeBuild".Length : "include".Length))..];
                var next = IndexOfInclude(arguments, 0);
                if (next >= 0)
                {
                    arguments = arguments[..next];
                }

                var names = QuotedStrings(arguments).ToList();
                var computed = names.Count == 0 || names.Any(name => name.Contains('$', StringComparison.Ordinal));
                yield return new Inclusion(names.Where(name => !name.Contains('$', StringComparison.Ordinal)).ToList(), isBuild, computed);
            }
        }
    }

    // The index of the next `include` or `includeBuild` call at or after `start` (a whole word followed by `(`, a quote or a
    // blank; not `includeGroup` of a repository filter), or -1.
    private static int IndexOfInclude(string statement, int start)
    {
        for (var at = statement.IndexOf("include", start, StringComparison.Ordinal); at >= 0; at = statement.IndexOf("include", at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && (char.IsAsciiLetterOrDigit(statement[at - 1]) || statement[at - 1] is '_' or '.' or '$'))
            {
                continue;
            }

            var end = at + "include".Length;
            if (statement.AsSpan(end).StartsWith("Build", StringComparison.Ordinal))
            {
                end += "Build".Length;
            }

            if (end < statement.Length && statement[end] is '(' or '\'' or '"' or ' ' or '\t')
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// The scripts applied with <c>apply from: 'x.gradle'</c> or <c>apply(from = "x.gradle.kts")</c>, as written
    /// (<c>$rootDir/</c> and <c>${rootDir}/</c> prefixes kept), and whether one names a path that is not a literal.
    /// </summary>
    internal static (IReadOnlyList<string> Paths, bool Computed) AppliedScripts(string script)
    {
        var paths = new List<string>();
        var computed = false;
        foreach (var statement in Statements(script))
        {
            var at = IndexOfApplyFrom(statement);
            if (at < 0)
            {
                continue;
            }

            var rest = statement[at..].TrimStart();
            var rootRelative = false;
            // apply from: rootProject.file('gradle/x.gradle') or file('x.gradle'): the path inside the call.
            foreach (var call in (string[])["rootProject.file(", "project.file(", "file("])
            {
                if (rest.StartsWith(call, StringComparison.Ordinal))
                {
                    rootRelative = call == "rootProject.file(";
                    rest = rest[call.Length..].TrimStart();
                    break;
                }
            }

            if (rest.Length == 0 || rest[0] is not ('"' or '\''))
            {
                computed = true;
                continue;
            }

            var close = rest.IndexOf(rest[0], 1);
            var path = close < 0 ? string.Empty : rest[1..close];
            if (path.StartsWith("http://", StringComparison.Ordinal) || path.StartsWith("https://", StringComparison.Ordinal))
            {
                continue; // a remote script is fetched, not read from the build context
            }

            if (path.StartsWith('/'))
            {
                continue; // a file of the image, not of the build context
            }

            var local = rootRelative ? "/" + path : StripRootDirectory(path);
            if (local is null || local.Contains('$', StringComparison.Ordinal))
            {
                computed = true;
                continue;
            }

            paths.Add(local);
        }

        return (paths, computed);
    }

    /// <summary>
    /// The version catalogs a settings script imports from files of the build (<c>from(files("deps/libs.versions.toml"))</c>
    /// in <c>dependencyResolutionManagement.versionCatalogs</c>), relative to the settings folder, and whether one names a
    /// path that is not a literal. Gradle fails when such a file is missing.
    /// </summary>
    internal static (IReadOnlyList<string> Paths, bool Computed) ImportedCatalogs(string settings)
    {
        var paths = new List<string>();
        var computed = false;
        foreach (var statement in Statements(settings))
        {
            for (var at = statement.IndexOf("from", StringComparison.Ordinal); at >= 0; at = statement.IndexOf("from", at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && (char.IsAsciiLetterOrDigit(statement[at - 1]) || statement[at - 1] == '_'))
                {
                    continue;
                }

                var rest = statement.AsSpan(at + "from".Length).TrimStart();
                rest = rest.StartsWith("(", StringComparison.Ordinal) ? rest[1..].TrimStart() : rest;
                var call = rest.StartsWith("files(", StringComparison.Ordinal) ? "files(" : rest.StartsWith("file(", StringComparison.Ordinal) ? "file(" : null;
                if (call is null)
                {
                    continue;
                }

                rest = rest[call.Length..].TrimStart();
                var close = rest.Length > 0 && rest[0] is '"' or '\'' ? rest[1..].IndexOf(rest[0]) : -1;
                var written = close < 0 ? null : rest.Slice(1, close).ToString();
                if (written is not null && written.StartsWith('/'))
                {
                    continue; // a file of the image, not of the build context
                }

                // The settings script is at the root, so a `$rootDir/` path (marked by its leading slash) is relative to it too.
                if ((written is null ? null : StripRootDirectory(written)) is { } path)
                {
                    paths.Add(path.TrimStart('/'));
                }
                else
                {
                    computed = true;
                }
            }
        }

        return (paths, computed);
    }

    /// <summary>The first idiom by which the script reads a file's content when it runs (<c>file('v.txt').text</c>), or null.</summary>
    internal static string? FileReadingIdiom(string script)
    {
        foreach (var statement in Statements(script))
        {
            foreach (var idiom in FileReadingIdioms)
            {
                for (var at = statement.IndexOf(idiom, StringComparison.Ordinal); at >= 0; at = statement.IndexOf(idiom, at + 1, StringComparison.Ordinal))
                {
                    var end = at + idiom.Length;
                    if (idiom[^1] == '(' || end == statement.Length || !char.IsAsciiLetterOrDigit(statement[end]) && statement[end] != '_')
                    {
                        return idiom;
                    }
                }
            }
        }

        return null;
    }

    // A path relative to the root project: `$rootDir/x`, `${rootDir}/x`, `${rootProject.projectDir}/x` become `x`; a
    // plain relative path stays as it is (relative to the script's own directory). Null for another variable.
    private static string? StripRootDirectory(string path)
    {
        foreach (var prefix in (string[])["$rootDir/", "${rootDir}/", "${rootProject.rootDir}/", "${rootProject.projectDir}/", "${project.rootDir}/"])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return "/" + path[prefix.Length..]; // marked as root-relative by its leading slash
            }
        }

        return path.Contains('$', StringComparison.Ordinal) ? null : path;
    }

    // `apply from: ` (Groovy) or `apply(from = ` (Kotlin): the index just after it, or -1.
    private static int IndexOfApplyFrom(string statement)
    {
        var apply = statement.IndexOf("apply", StringComparison.Ordinal);
        while (apply >= 0)
        {
            var rest = statement.AsSpan(apply + "apply".Length).TrimStart();
            if (rest.StartsWith("(", StringComparison.Ordinal))
            {
                rest = rest[1..].TrimStart();
            }

            if (rest.StartsWith("from", StringComparison.Ordinal))
            {
                var afterFrom = rest["from".Length..].TrimStart();
                if (afterFrom.Length > 0 && afterFrom[0] is ':' or '=')
                {
                    return statement.Length - afterFrom.Length + 1;
                }
            }

            apply = statement.IndexOf("apply", apply + 1, StringComparison.Ordinal);
        }

        return -1;
    }

    private static IEnumerable<string> QuotedStrings(string text)
    {
        var quoteAt = text.IndexOfAny(['"', '\'']);
        while (quoteAt >= 0)
        {
            var close = text.IndexOf(text[quoteAt], quoteAt + 1);
            if (close < 0)
            {
                yield break;
            }

            yield return text[(quoteAt + 1)..close];
            quoteAt = text.IndexOfAny(['"', '\''], close + 1);
        }
    }

    /// <summary>The script's statements: lines without <c>//</c> comments, joined while a parenthesis is open or a line ends with a comma.</summary>
    private static IEnumerable<string> Statements(string script)
    {
        var pending = string.Empty;
        var depth = 0;
        foreach (var raw in script.Split('\n'))
        {
            var line = StripLineComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            pending = pending.Length == 0 ? line : pending + " " + line;
            depth += ParenthesisBalance(line);

            if (depth > 0 || line.EndsWith(',') && depth == 0 && pending.Length < 10_000)
            {
                continue;
            }

            yield return pending;
            pending = string.Empty;
            depth = 0;
        }

        if (pending.Length > 0)
        {
            yield return pending;
        }
    }

    // Opened minus closed parentheses outside strings.
    private static int ParenthesisBalance(string line)
    {
        var balance = 0;
        char quote = '\0';
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else
            {
                balance += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
        }

        return balance;
    }

    // Drops a `//` comment that is not inside a string (`"https://..."` keeps its slashes).
    private static string StripLineComment(string line)
    {
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                return line[..i];
            }
        }

        return line;
    }
}
