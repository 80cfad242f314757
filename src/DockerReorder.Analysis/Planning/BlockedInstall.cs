using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Planning;

/// <summary>A dependency install after a broad copy that cannot be given its manifests first, and why.</summary>
/// <param name="Step">The RUN step.</param>
/// <param name="Effect">The catalogue's verdict.</param>
/// <param name="Reason">The safety condition that failed, in one line.</param>
public sealed record BlockedInstall(Step Step, StepEffect Effect, string Reason);
