namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>A fact that needs the <c>pre-commit</c> program: skipped with instructions when it is missing, except under CI=true, where it must run.</summary>
public sealed class PreCommitFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when pre-commit is not on PATH and CI is not <c>true</c>.</summary>
    public PreCommitFactAttribute()
    {
        if (ExternalCommand.FindOnPath("pre-commit") is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "pre-commit is not installed: run `apt-get install pre-commit` (or `pipx install pre-commit`) and rerun; with CI=true this test runs and fails without it";
        }
    }
}
