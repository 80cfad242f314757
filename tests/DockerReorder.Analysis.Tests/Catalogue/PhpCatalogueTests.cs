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
        Assert.Equal(["composer.json", "composer.lock?", "auth.json?", "symfony.lock?"], effect.Reads());
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

    [Fact]
    public void Composer_patches_are_read_unless_plugins_are_off()
    {
        var files = new Dictionary<string, string>
        {
            ["composer.json"] = """{ "require": { "cweagans/composer-patches": "^1.7" }, "extra": { "patches": { "a/b": { "fix": "patches/b.patch", "remote": "https://example.com/x.diff" } }, "patches-file": "composer.patches.json" } }""",
            ["composer.lock"] = "{}",
            ["composer.patches.json"] = """{ "patches": { "c/d": [ { "description": "fix", "url": "patches/d.patch" } ] } }""",
        };

        var install = Run("composer install --no-dev --no-scripts", files);
        var noPlugins = Run("composer install --no-dev --no-scripts --no-plugins", files);

        Assert.Equal(StepEffectKind.DependencyInstall, install.Kind);
        Assert.Equal(["composer.json", "composer.lock?", "auth.json?", "symfony.lock?", "patches/b.patch", "composer.patches.json", "patches/d.patch"], install.Reads());
        Assert.DoesNotContain("patches/b.patch", noPlugins.Reads());
    }

    [Fact]
    public void Composer_patches_two_reads_its_default_file_and_its_lock()
    {
        var files = new Dictionary<string, string>
        {
            ["composer.json"] = """{ "require": { "cweagans/composer-patches": "^2.0" } }""",
            ["composer.lock"] = "{}",
            ["patches.json"] = """{ "patches": { "a/b": { "fix": "patches/b.patch" } } }""",
            ["patches.lock.json"] = """{ "_hash": "x", "patches": { "a/b": [ { "package": "a/b", "url": "patches/b.patch" }, { "package": "a/b", "url": "https://example.com/c.diff" } ] } }""",
        };

        var reads = Run("composer install --no-dev --no-scripts", files).Reads();

        Assert.Equal(["composer.json", "composer.lock?", "auth.json?", "symfony.lock?", "patches.lock.json?", "patches/b.patch", "patches.json?"], reads);
        files["composer.json"] = """{ "require": { "cweagans/composer-patches": "^2.0" }, "extra": { "composer-patches": { "patches-file": "config/patches.json" } } }""";
        Assert.Contains("config/patches.json", Run("composer install --no-dev --no-scripts", files).Reads());
        files["composer.json"] = """{ "require": { "cweagans/composer-patches": "~1.7" } }""";
        Assert.DoesNotContain("patches.json?", Run("composer install --no-dev --no-scripts", files).Reads());
    }

    [Fact]
    public void Composer_reads_its_cafile()
    {
        var reads = Run("composer install --no-scripts", new Dictionary<string, string> { ["composer.json"] = """{ "config": { "cafile": "certs/ca.pem" } }""" }).Reads();

        Assert.Contains("certs/ca.pem", reads);
        Assert.Equal(StepEffectKind.NeedsSource, Run("composer install --no-scripts", new Dictionary<string, string> { ["composer.json"] = """{ "config": { "capath": "certs" } }""" }).Kind);
    }

    [Fact]
    public void Composer_bin_dir_outside_vendor_is_written()
    {
        var json = """{ "config": { "bin-dir": "bin" } }""";

        Assert.Equal(["bin", "vendor"], Run("composer install --no-scripts", new Dictionary<string, string> { ["composer.json"] = json }).Writes);
        Assert.Equal(["vendor"], Run("composer install --no-scripts", new Dictionary<string, string> { ["composer.json"] = """{ "config": { "bin-dir": "vendor/bin" } }""" }).Writes);
    }

    [Theory]
    [InlineData("""{ "type": "artifact", "url": "artifacts/" }""", "an `artifact`")]
    [InlineData("""{ "type": "vcs", "url": "../sdk" }""", "a `vcs`")]
    [InlineData("""{ "type": "path", "url": "packages/*" }""", "a `path`")]
    public void A_repository_in_the_project_needs_the_source(string repository, string what)
    {
        var effect = Run("composer install --no-scripts", new Dictionary<string, string> { ["composer.json"] = "{ \"repositories\": [" + repository + "] }", ["composer.lock"] = "{}" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains($"installs {what} repository", effect.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_vcs_repository_reads_nothing_more()
    {
        var effect = Run("composer install --no-scripts", new Dictionary<string, string> { ["composer.json"] = """{ "repositories": [{ "type": "vcs", "url": "git@github.com:acme/sdk.git" }] }""", ["composer.lock"] = "{}" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
    }

    [Fact]
    public void Installer_paths_and_the_drupal_scaffold_write_project_folders()
    {
        var files = new Dictionary<string, string>
        {
            ["composer.json"] = """{ "require": { "drupal/core-composer-scaffold": "^10" }, "extra": { "drupal-scaffold": { "locations": { "web-root": "./web/" } }, "installer-paths": { "web/core": ["type:drupal-core"], "web/modules/contrib/{$name}": ["type:drupal-module"] } } }""",
            ["composer.lock"] = "{}",
        };

        var install = Run("composer install --no-dev", files);
        var noPlugins = Run("composer install --no-dev --no-plugins", files);

        Assert.Equal(["web/core", "web/modules/contrib", "web", "vendor"], install.Writes);
        Assert.Equal(["vendor"], noPlugins.Writes);
    }
}
