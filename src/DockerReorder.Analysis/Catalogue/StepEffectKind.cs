namespace DockerReorder.Analysis.Catalogue;

/// <summary>What a build step needs from the build context, as far as the catalogue can tell.</summary>
public enum StepEffectKind
{
    /// <summary>Reads nothing from the context (system packages, explicit packages, echo, useradd, ...): a broad copy may sink below it.</summary>
    ReadsNothing,
    /// <summary>A dependency install whose context reads are exactly its manifests (<see cref="StepEffect.Reads"/>).</summary>
    DependencyInstall,
    /// <summary>Known to need the source (a build, a test, <c>pip install .</c>, <c>-e .</c>, a lifecycle script that runs project code, ...).</summary>
    NeedsSource,
    /// <summary>A command the catalogue does not know: never crossed.</summary>
    Unknown,
}
