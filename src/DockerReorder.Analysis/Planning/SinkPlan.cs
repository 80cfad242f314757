using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Copies;
using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Planning;

/// <summary>
/// How far one broad copy can sink in its stage and what that takes: the steps it crosses,
/// the installs that get their manifests copied first, what stops it, and whether the move is
/// proven safe. DR001 and DR002 both report from the same plan, so their fix is one rewrite.
/// </summary>
public sealed record SinkPlan
{
    /// <summary>The broad copy.</summary>
    public required CopyFootprint BroadCopy { get; init; }

    /// <summary>Its stage.</summary>
    public required Stage Stage { get; init; }

    /// <summary>The steps the copy crosses, in order; the copy lands right after the last.</summary>
    public required IReadOnlyList<Step> Crossed { get; init; }

    /// <summary>The installs among <see cref="Crossed"/>.</summary>
    public required IReadOnlyList<InstallStep> Installs { get; init; }

    /// <summary>The RUN steps among <see cref="Crossed"/> that read nothing from the context.</summary>
    public required IReadOnlyList<(Step Step, StepEffect Effect)> ContextFreeRuns { get; init; }

    /// <summary>Installs after the copy that the move cannot reach, with the reason.</summary>
    public required IReadOnlyList<BlockedInstall> BlockedInstalls { get; init; }

    /// <summary>The step that stops the copy, or null (end of stage).</summary>
    public Step? Barrier { get; init; }

    /// <summary>Why the copy cannot cross <see cref="Barrier"/>.</summary>
    public string? BarrierReason { get; init; }

    /// <summary>Context-free RUN steps after the barrier that the copy cannot reach (for DR002's message).</summary>
    public IReadOnlyList<Step> UnreachableContextFreeRuns { get; init; } = [];

    /// <summary>The destination to write on the moved copy when its relative destination crosses a WORKDIR.</summary>
    public string? NewDestination { get; init; }

    /// <summary>
    /// The barrier, when it is a copy identical in meaning to the broad copy and nothing between the landing place and it
    /// changes what a copy means (`COPY . .`, `RUN npm ci`, `COPY . .`): the moved copy would stand right above its twin,
    /// which writes the same files the same way again, so the fix drops it instead of writing it twice.
    /// </summary>
    public Step? AbsorbedBy { get; init; }

    /// <summary>
    /// When set, the manifest copies go right before this crossed <c>WORKDIR</c> instead of right before each install: the
    /// <c>WORKDIR</c> (under a non-root <c>USER</c>, or with the copy's <c>--chown</c>/<c>--chmod</c>) would otherwise create the
    /// copy's destination with another owner; the manifest copy creates it first, exactly as the broad copy did.
    /// </summary>
    public Step? ManifestsBefore { get; init; }

    /// <summary>Conditions that could not be checked; the fix is unsafe when there is any.</summary>
    public required IReadOnlyList<string> UnsafeReasons { get; init; }

    /// <summary>True when the copy moves at all.</summary>
    public bool Moves => Crossed.Count > 0 && (Installs.Count > 0 || ContextFreeRuns.Count > 0);
}
