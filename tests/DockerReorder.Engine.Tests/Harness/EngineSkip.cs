namespace DockerReorder.Engine.Tests.Harness;

/// <summary>The skip reason shared by the engine test attributes.</summary>
public static class EngineSkip
{
    /// <summary>Null when engine tests run (an engine answers, or CI=true so they must run and fail).</summary>
    public static string? Reason =>
        EngineHost.WhyUnreachable is { } why && !EngineHost.IsCi
            ? $"Engine test skipped: {why}; {EngineHost.HowToRun}."
            : null;
}
