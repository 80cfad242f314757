namespace DockerReorder.Engine.Tests.Harness;

/// <summary>A theory that needs the Docker engine; skipped like <see cref="EngineFactAttribute"/>.</summary>
public sealed class EngineTheoryAttribute : TheoryAttribute
{
    /// <summary>Decides at discovery whether the theory is skipped.</summary>
    public EngineTheoryAttribute()
    {
        Skip = EngineSkip.Reason;
    }
}
