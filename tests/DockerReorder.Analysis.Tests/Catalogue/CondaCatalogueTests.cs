using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;

namespace DockerReorder.Analysis.Tests.Catalogue;

public sealed class CondaCatalogueTests
{
    private const string Environment = "name: app\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n      - -r requirements/base.txt\n      - rich\n";

    [Theory]
    [InlineData("conda env create -f environment.yml")]
    [InlineData("conda env create")]
    [InlineData("mamba env update -n base --file environment.yml")]
    [InlineData("micromamba install -y -n base -f environment.yml")]
    public void An_environment_file_and_the_requirements_its_pip_section_names_are_read(string script)
    {
        var effect = Run(script, new Dictionary<string, string> { ["environment.yml"] = Environment, ["requirements/base.txt"] = "flask\n" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["environment.yml", "requirements/base.txt"], effect.Reads());
        Assert.Equal(["/opt/conda"], effect.Writes);
    }

    [Theory]
    [InlineData("      - -e .\n")]
    [InlineData("      - ./libs/shared\n")]
    [InlineData("      - --find-links ./wheels\n")]
    public void A_local_pip_item_needs_the_source(string item)
    {
        var content = "dependencies:\n  - python=3.11\n  - pip:\n" + item;

        Assert.Equal(StepEffectKind.NeedsSource, Run("conda env create -f environment.yml", new Dictionary<string, string> { ["environment.yml"] = content }).Kind);
    }

    [Fact]
    public void A_local_channel_needs_the_source()
    {
        var content = "channels:\n  - ./local-channel\ndependencies:\n  - mylib\n";

        Assert.Equal(StepEffectKind.NeedsSource, Run("conda env create -f environment.yml", new Dictionary<string, string> { ["environment.yml"] = content }).Kind);
    }

    [Fact]
    public void Named_packages_read_nothing_from_the_context()
    {
        var effect = Run("conda install -y -c conda-forge numpy=1.26 gdal");

        Assert.Empty(effect.Reads);
        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
        Assert.Equal(["/opt/conda"], effect.Writes);
        Assert.Equal(["/srv/env"], Run("micromamba create -y -p /srv/env -f environment.yml", new Dictionary<string, string> { ["environment.yml"] = "dependencies:\n  - python\n" }).Writes);
    }
}
