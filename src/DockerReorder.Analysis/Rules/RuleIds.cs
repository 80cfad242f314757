namespace DockerReorder.Analysis.Rules;

/// <summary>The stable rule ids. An id is never reused, even when its rule is retired.</summary>
public static class RuleIds
{
    /// <summary>A dependency install runs after a broad copy of the source.</summary>
    public const string InstallAfterBroadCopy = "DR001";

    /// <summary>Steps that read nothing from the build context run after a broad copy.</summary>
    public const string ContextFreeStepAfterBroadCopy = "DR002";

    /// <summary>A broad copy brings VCS folders or dependency output that no .dockerignore excludes.</summary>
    public const string BroadCopyWithoutDockerignore = "DR003";
}
