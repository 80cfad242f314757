namespace DockerReorder.Analysis.Rules;

/// <summary>The default severity of a rule's findings.</summary>
public enum RuleSeverity
{
    /// <summary>Worth knowing; never fails a build by itself.</summary>
    Info,
    /// <summary>Costs build time on every change.</summary>
    Warning,
    /// <summary>Breaks or endangers the build.</summary>
    Error,
}
