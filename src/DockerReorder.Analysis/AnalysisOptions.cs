namespace DockerReorder.Analysis;

/// <summary>What to check.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Only these rule ids (null: all).</summary>
    public IReadOnlySet<string>? Select { get; init; }

    /// <summary>Never these rule ids.</summary>
    public IReadOnlySet<string> Ignore { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Extra file names to treat as dependency manifests (from the configuration file).</summary>
    public IReadOnlyList<string> ExtraManifestNames { get; init; } = [];

    /// <summary>The defaults: every rule.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>True when the rule with <paramref name="id"/> is enabled.</summary>
    public bool IsEnabled(string id) => (Select is null || Select.Contains(id)) && !Ignore.Contains(id);
}
