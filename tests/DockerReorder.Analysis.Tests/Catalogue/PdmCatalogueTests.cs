using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;

namespace DockerReorder.Analysis.Tests.Catalogue;

public sealed class PdmCatalogueTests
{
    private static readonly Dictionary<string, string> Project = new()
    {
        ["pyproject.toml"] = "[project]\nname = \"svc\"\ndependencies = [\"fastapi\"]\n\n[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n",
        ["pdm.lock"] = "",
    };

    [Fact]
    public void Pdm_install_without_self_reads_the_manifests()
    {
        var effect = Run("pdm install --prod --no-self --frozen-lockfile", Project);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["pyproject.toml", "pdm.lock", "pdm.toml?", ".pdm-python?"], effect.Reads());
        Assert.Empty(effect.MayRewrite);
        Assert.Equal([".venv"], effect.Writes);
    }

    [Fact]
    public void Pdm_install_of_the_project_itself_needs_the_source()
    {
        Assert.Equal(StepEffectKind.NeedsSource, Run("pdm install --prod", Project).Kind);
        Assert.Equal(["pdm.lock"], Run("pdm install --prod --no-self", Project).MayRewrite);
        var nonDistribution = new Dictionary<string, string> { ["pyproject.toml"] = "[project]\nname = \"svc\"\n\n[tool.pdm]\ndistribution = false\n", ["pdm.lock"] = "" };
        Assert.Equal(StepEffectKind.DependencyInstall, Run("pdm sync --prod", nonDistribution).Kind);
    }

    [Fact]
    public void A_pdm_path_dependency_needs_the_source()
    {
        var files = new Dictionary<string, string> { ["pyproject.toml"] = "[project]\nname = \"svc\"\ndependencies = [\"shared @ file:///${PROJECT_ROOT}/libs/shared\"]\n", ["pdm.lock"] = "" };

        Assert.Equal(StepEffectKind.NeedsSource, Run("pdm sync --no-self", files).Kind);
    }
}
