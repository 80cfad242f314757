using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Ruby: bundler and gem.</summary>
public sealed class RubyCatalogueTests
{
    [Fact]
    public void Bundle_install_reads_the_gemfile_and_may_rewrite_the_lock_unless_frozen()
    {
        var withLock = Run("bundle config set --local without 'development test' && bundle install --jobs 4", new Dictionary<string, string> { ["Gemfile"] = "source 'https://rubygems.org'\ngem 'rails'\n", ["Gemfile.lock"] = "" });
        var frozen = Run("bundle config set frozen true && bundle install", new Dictionary<string, string> { ["Gemfile"] = "gem 'rails'\n", ["Gemfile.lock"] = "" });
        var withoutLock = Run("bundle install", new Dictionary<string, string> { ["Gemfile"] = "gem 'rails'\n" });

        Assert.Equal(StepEffectKind.DependencyInstall, withLock.Kind);
        Assert.Equal(["Gemfile", "Gemfile.lock?", ".bundle/config?", "vendor/cache?/"], withLock.Reads());
        Assert.Equal(["Gemfile.lock"], withLock.MayRewrite); // Bundler adds the build's platform to a lock made elsewhere
        Assert.Empty(frozen.MayRewrite);
        Assert.Equal(["Gemfile.lock"], withoutLock.MayRewrite);
        Assert.Contains("/usr/local/bundle", withoutLock.Writes);
    }

    [Theory]
    [InlineData("source 'https://rubygems.org'\ngemspec\n", "installs the project's gemspec (`gemspec` in the Gemfile)")]
    [InlineData("gem 'engine', path: 'engines/engine'\n", "installs a gem from a local path (`path:` in the Gemfile)")]
    public void Gemfile_references_to_the_source_need_it(string gemfile, string why)
    {
        var effect = Run("bundle install", new Dictionary<string, string> { ["Gemfile"] = gemfile });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal("`bundle install` " + why, effect.Reason);
    }

    [Theory]
    [InlineData("ruby File.read(\".ruby-version\").strip\n", ".ruby-version")]
    [InlineData("ruby File.read(File.join(__dir__, \".ruby-version\")).strip\n", ".ruby-version")]
    [InlineData("ruby IO.read('.tool-versions')[/ruby (\\S+)/, 1]\n", ".tool-versions")]
    [InlineData("ruby file: \".ruby-version\"\n", ".ruby-version")]
    public void A_version_file_the_gemfile_reads_is_a_manifest(string line, string file)
    {
        var effect = Run("bundle install", new Dictionary<string, string> { ["Gemfile"] = "source 'https://rubygems.org'\n" + line + "gem 'rails'\n", ["Gemfile.lock"] = "" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Contains(file, effect.Reads());
    }

    [Theory]
    [InlineData("gem 'app', File.read('VERSION').strip\n", "`File.read`")]
    [InlineData("require_relative 'lib/app/version'\n", "`require_relative`")]
    [InlineData("Dir['plugins/*/Gemfile'].each { |g| instance_eval(File.read(g)) }\n", "`File.read`")]
    public void Any_other_file_the_gemfile_reads_is_the_source(string line, string call)
    {
        var effect = Run("bundle install", new Dictionary<string, string> { ["Gemfile"] = "source 'https://rubygems.org'\n" + line, ["Gemfile.lock"] = "" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal($"`bundle install` reads other files ({call} in the Gemfile)", effect.Reason);
    }

    [Fact]
    public void The_path_of_the_projects_bundle_config_is_written_unless_the_app_config_is_elsewhere()
    {
        var files = new Dictionary<string, string> { ["Gemfile"] = "gem 'rails'\n", ["Gemfile.lock"] = "", [".bundle/config"] = "---\nBUNDLE_PATH: \"vendor/bundle\"\nBUNDLE_WITHOUT: \"test\"\n" };

        var local = Run("bundle install", files);
        var elsewhere = Run("bundle install", files, environment: new Dictionary<string, string> { ["BUNDLE_APP_CONFIG"] = "/usr/local/bundle" });

        Assert.Contains("vendor/bundle", local.Writes);
        Assert.DoesNotContain("vendor/bundle", elsewhere.Writes);
    }

    [Fact]
    public void Gem_install_reads_nothing()
    {
        Assert.Equal(StepEffectKind.ReadsNothing, Run("gem install bundler -v 2.5.6 --no-document").Kind);
        Assert.Equal(StepEffectKind.NeedsSource, Run("gem install ./pkg/app-1.0.gem").Kind);
    }
}
