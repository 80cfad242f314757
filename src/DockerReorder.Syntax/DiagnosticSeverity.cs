namespace DockerReorder.Syntax;

/// <summary>How serious a syntax diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>BuildKit would accept the file but warns (for example an empty continuation line).</summary>
    Warning,
    /// <summary>BuildKit would reject the file.</summary>
    Error,
}
