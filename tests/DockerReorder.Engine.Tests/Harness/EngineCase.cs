namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// One engine fixture: a folder under tests/engine/cases holding <c>context/</c>, <c>Dockerfile.before</c>,
/// usually <c>Dockerfile.after</c> (the shape the fixer should produce), for unsafe cases
/// <c>Dockerfile.naive</c> (the naive move), and <c>case.txt</c> saying what the proof checks.
/// </summary>
public sealed class EngineCase
{
    private EngineCase(string name, string folder)
    {
        Name = name;
        Folder = folder;
        var touch = string.Empty;
        var installs = new List<string>();
        string? naive = null;
        foreach (var raw in File.ReadAllLines(Path.Combine(folder, "case.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"{Name}/case.txt: `{line}` is not `key: value`");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "touch": touch = value; break;
                case "install": installs.Add(value); break;
                case "naive": naive = value; break;
                default: throw new FormatException($"{Name}/case.txt: unknown key `{key}`");
            }
        }

        TouchedSource = touch;
        Installs = installs;
        if (naive is not null)
        {
            var space = naive.IndexOf(' ', StringComparison.Ordinal);
            NaiveOutcome = space < 0 ? naive : naive[..space];
            NaiveEvidence = space < 0 ? string.Empty : naive[(space + 1)..];
            if (NaiveOutcome is not ("fails" or "differs"))
            {
                throw new FormatException($"{Name}/case.txt: naive must be `fails <log text>` or `differs <path>`");
            }
        }
    }

    /// <summary>The folder name, which names the case in test output.</summary>
    public string Name { get; }

    /// <summary>The case folder.</summary>
    public string Folder { get; }

    /// <summary>The build context folder.</summary>
    public string Context => Path.Combine(Folder, "context");

    /// <summary>The original Dockerfile.</summary>
    public string BeforeText => File.ReadAllText(Path.Combine(Folder, "Dockerfile.before"));

    /// <summary>The hand-written fixed Dockerfile, or null for cases with no safe fix.</summary>
    public string? AfterText => ReadOptional("Dockerfile.after");

    /// <summary>The naive move that an unsafe fix would make, or null.</summary>
    public string? NaiveText => ReadOptional("Dockerfile.naive");

    /// <summary>The source file (relative to the context) the cache probe appends to.</summary>
    public string TouchedSource { get; }

    /// <summary>The install steps (instruction text) that a fixed Dockerfile must reuse after a source edit.</summary>
    public IReadOnlyList<string> Installs { get; }

    /// <summary><c>fails</c> or <c>differs</c> for unsafe cases, else null.</summary>
    public string? NaiveOutcome { get; }

    /// <summary>For <c>fails</c>, text the failing log contains; for <c>differs</c>, a path or <c>config Field</c> in the diff.</summary>
    public string NaiveEvidence { get; } = string.Empty;

    /// <summary>Every case folder, sorted by name.</summary>
    public static IReadOnlyList<EngineCase> All() =>
        Directory.GetDirectories(CasesFolder)
            .Where(d => File.Exists(Path.Combine(d, "case.txt")))
            .Order(StringComparer.Ordinal)
            .Select(d => new EngineCase(Path.GetFileName(d), d))
            .ToList();

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static EngineCase Named(string name) => new(name, Path.Combine(CasesFolder, name));

    /// <summary>tests/engine/cases, found by walking up from the test assembly.</summary>
    public static string CasesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "engine", "cases");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"tests/engine/cases not found above {AppContext.BaseDirectory}");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private string? ReadOptional(string file)
    {
        var path = Path.Combine(Folder, file);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
