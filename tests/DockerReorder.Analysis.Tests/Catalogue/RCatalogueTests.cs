using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;

namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>R: Rscript/R -e, renv, remotes and littler.</summary>
public sealed class RCatalogueTests
{
    [Theory]
    [InlineData("R -e \"install.packages(c('shiny', 'data.table'), repos='https://cloud.r-project.org/')\"")]
    [InlineData("Rscript -e 'options(Ncpus = 2L); install.packages(\"dplyr\", dependencies = TRUE)'")]
    [InlineData("Rscript -e 'remotes::install_github(\"rstudio/bslib@v0.8.0\")' -e 'BiocManager::install(c(\"limma\"), update = FALSE, ask = FALSE)'")]
    [InlineData("R --no-save -q -e \"install.packages('x', repos = c(CRAN = \\\"https://cran.r-project.org\\\"))\"")]
    [InlineData("Rscript -e \"pak::pkg_install(c('cli', 'glue'))\" # packages by name")]
    [InlineData("install2.r --error --skip-installed -n 2 -r https://cloud.r-project.org plotly DT")]
    [InlineData("installGithub.r rstudio/gt")]
    [InlineData("R CMD javareconf")]
    public void Packages_installed_by_name_read_nothing(string script)
    {
        var effect = Run(script);

        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
        Assert.DoesNotContain(effect.Writes, write => !write.StartsWith('/'));
    }

    [Theory]
    [InlineData("R -e \"install.packages('.', repos = NULL, type = 'source')\"", "installs the local package `.`")]
    [InlineData("Rscript -e \"install.packages('pkg_1.0.tar.gz', repos = NULL)\"", "installs the local package `pkg_1.0.tar.gz`")]
    [InlineData("install2.r ./vendor/mypkg", "installs the local package `./vendor/mypkg`")]
    [InlineData("R CMD INSTALL .", "builds or installs a package from the source")]
    [InlineData("Rscript install.R", "runs the project's R script `install.R`")]
    [InlineData("Rscript -e \"pak::pak()\"", "installs the project in the working directory")]
    public void Local_packages_and_project_scripts_need_the_source(string script, string why)
    {
        var effect = Run(script);

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains(why, effect.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rscript -e \"source('install.R')\"")]
    [InlineData("Rscript -e \"pkgs <- c('a', 'b'); install.packages(pkgs)\"")]
    [InlineData("R -e \"install.packages(readLines('packages.txt'))\"")]
    [InlineData("R -e \"install.packages('a'\"")]
    [InlineData("Rscript -e \"$R_CODE\"")]
    public void Code_other_than_literal_calls_is_not_known(string script)
    {
        Assert.Equal(StepEffectKind.Unknown, Run(script).Kind);
    }

    [Fact]
    public void A_project_rprofile_or_renviron_is_loaded_at_start_up()
    {
        var profile = new Dictionary<string, string> { [".Rprofile"] = "options(repos = c(CRAN = 'https://ppm.example.com'))\n" };
        var environ = new Dictionary<string, string> { [".Renviron"] = "R_LIBS_USER=/opt/r\n" };

        Assert.Contains("loads the project's `.Rprofile` at start-up", Run("R -e \"install.packages('x')\"", profile).Reason, StringComparison.Ordinal);
        Assert.Contains("loads the project's `.Renviron` at start-up", Run("Rscript -e \"install.packages('x')\"", environ).Reason, StringComparison.Ordinal);
        Assert.Equal(StepEffectKind.NeedsSource, Run("install2.r shiny", profile).Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("R --vanilla -e \"install.packages('x')\"", profile).Kind);
        // Outside the working directory the broad copy puts nothing there.
        Assert.Equal(StepEffectKind.ReadsNothing, Run("R -e \"install.packages('x')\"", new Dictionary<string, string> { ["/app/.Rprofile"] = "x" }, workingDirectory: "/").Kind);
    }

    [Fact]
    public void Renv_restore_reads_the_lock_file_and_what_renv_rprofile_loads()
    {
        var files = new Dictionary<string, string>
        {
            ["renv.lock"] = "{}",
            [".Rprofile"] = "source(\"renv/activate.R\")\n",
            ["renv/activate.R"] = "local({})\n",
        };

        var effect = Run("R -e \"renv::restore()\"", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["renv.lock", ".Rprofile?", "renv/activate.R", "renv/settings.json?", "renv/settings.dcf?"], effect.Reads());
        Assert.Contains("renv/library", effect.Writes);
        files[".Rprofile"] = "source(\"renv/activate.R\")\nsource(\"R/options.R\")\n";
        Assert.Contains("sources `R/options.R`", Run("R -e \"renv::restore()\"", files).Reason, StringComparison.Ordinal);
        Assert.Equal(StepEffectKind.Unknown, Run("R -e \"renv::restore(project = '/srv/app')\"", files).Kind);
    }

    [Fact]
    public void Remotes_install_deps_reads_description()
    {
        var description = new Dictionary<string, string> { ["DESCRIPTION"] = "Package: a\nImports: dplyr\n" };

        var effect = Run("Rscript -e \"install.packages('remotes')\" && Rscript -e \"remotes::install_deps(dependencies = TRUE, upgrade = 'never')\"", description);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["DESCRIPTION"], effect.Reads());
        description["DESCRIPTION"] += "Remotes: local::../shared\n";
        Assert.Equal(StepEffectKind.NeedsSource, Run("Rscript -e \"devtools::install_deps()\"", description).Kind);
    }
}
