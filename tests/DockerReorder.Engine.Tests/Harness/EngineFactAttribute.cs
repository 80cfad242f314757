namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// A fact that needs the Docker engine: skipped with instructions when none answers, except under
/// CI=true, where it runs and fails (a CI run must never pass by skipping the proof).
/// </summary>
public sealed class EngineFactAttribute : FactAttribute
{
    /// <summary>Decides at discovery whether the fact is skipped.</summary>
    public EngineFactAttribute()
    {
        Skip = EngineSkip.Reason;
    }
}
