using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>PHP: composer, its scripts and autoloader.</summary>
public sealed class PhpCatalogueTests
{
    [Fact]
    public void Composer_install_without_scripts_or_autoloader_reads_its_manifests()
    {
        var json = """{ "require": { "monolog/monolog": "^3" }, "autoload": { "psr-4": { "App\\": "src/" } }, "scripts": { "post-install-cmd": ["@php artisan optimize"] } }""";

        var effect = Run("composer install --no-dev --no-scripts --no-autoloader --prefer-dist", new Dictionary<string, string> { ["composer.json"] = json, ["composer.lock"] = "{}" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["composer.json", "composer.lock?", "auth.json?"], effect.Reads());
        Assert.Equal(["vendor"], effect.Writes);
        Assert.Empty(effect.MayRewrite);
    }

    [Theory]
    [InlineData("""{ "scripts": { "post-install-cmd": "php artisan x" } }""", "composer install --no-autoloader", "runs the `post-install-cmd` script")]
    [InlineData("""{ "autoload": { "classmap": ["database/"] } }""", "composer install --no-scripts", "dumps a `classmap` autoloader")]
    [InlineData("""{ "autoload": { "psr-4": { "App\\": "app/" } } }""", "composer install --no-scripts --optimize-autoloader", "dumps an optimized autoloader")]
    public void Composer_scripts_and_scanning_autoloaders_need_the_source(string json, string script, string why)
    {
        var effect = Run(script, new Dictionary<string, string> { ["composer.json"] = json, ["composer.lock"] = "{}" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains(why, effect.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_psr4_autoloader_only_maps_namespaces_and_reads_no_source()
    {
        var json = """{ "autoload": { "psr-4": { "App\\": "src/" } } }""";

        var effect = Run("composer install --no-scripts", new Dictionary<string, string> { ["composer.json"] = json });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["composer.lock"], effect.MayRewrite);
    }
}
