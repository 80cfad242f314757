namespace DockerReorder.Analysis.Fixes;

/// <summary>How far a fix can be trusted (ruff's applicability).</summary>
public enum FixApplicability
{
    /// <summary>Needs a fact that could not be checked: applied only with <c>--unsafe-fixes</c>.</summary>
    Unsafe,
    /// <summary>Every safety condition is proven from the Dockerfile and the context: applied with <c>--write</c>.</summary>
    Safe,
}
