using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Python: pip, venv, poetry, pipenv, uv.</summary>
public sealed class PythonCatalogueTests
{
    [Fact]
    public void Pip_install_from_a_requirements_file_is_a_dependency_install_reading_it()
    {
        var effect = Run("pip install --no-cache-dir -r requirements.txt", new Dictionary<string, string> { ["requirements.txt"] = "flask==3.0\n" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["requirements.txt"], effect.Reads());
        Assert.Equal(["/usr/local/lib", "/usr/local/bin"], effect.Writes);
        Assert.Equal(["pip"], effect.Ecosystems);
        Assert.Empty(effect.MayRewrite);
        Assert.False(effect.Unverified);
    }

    [Fact]
    public void Nested_requirements_and_constraints_are_followed_relative_to_the_including_file()
    {
        var files = new Dictionary<string, string>
        {
            ["requirements/prod.txt"] = "-r base.txt\n--constraint=../constraints.txt\ngunicorn  # server\n",
            ["requirements/base.txt"] = "flask==3.0 \\\n  --hash=sha256:abc\n-c pins/extra.txt\n",
            ["constraints.txt"] = "flask<4\n",
            ["requirements/pins/extra.txt"] = "",
        };

        var effect = Run("python3 -m pip install -r requirements/prod.txt", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["requirements/prod.txt", "requirements/base.txt", "requirements/pins/extra.txt", "constraints.txt"], effect.Reads());
    }

    [Fact]
    public void An_editable_install_of_the_project_inside_a_requirements_file_needs_the_source()
    {
        var files = new Dictionary<string, string> { ["requirements.txt"] = "-r dev.txt\n", ["dev.txt"] = "pytest\n-e .\n" };

        var effect = Run("pip install -r requirements.txt", files);

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal("`dev.txt` installs `-e .` from the working directory", effect.Reason);
    }

    [Theory]
    [InlineData("./libs/shared")]
    [InlineData("file:./vendor/pkg.whl")]
    [InlineData("mylib @ file:///app/mylib")]
    [InlineData("wheels/pkg-1.0-py3-none-any.whl")]
    public void A_local_path_inside_a_requirements_file_needs_the_source(string line)
    {
        var effect = Run("pip install -r requirements.txt", new Dictionary<string, string> { ["requirements.txt"] = line + "\n" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains("`requirements.txt` installs", effect.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pip install .", "`pip install .` installs `.` from the working directory")]
    [InlineData("pip install -e .", "`pip install -e .` installs `.` from the working directory")]
    [InlineData("pip install --no-cache-dir .[dev]", "`pip install --no-cache-dir .[dev]` installs `.[dev]` from the working directory")]
    [InlineData("pip install ./dist/app.whl", "`pip install ./dist/app.whl` installs `./dist/app.whl` from the working directory")]
    public void Installing_the_project_or_a_local_path_needs_the_source(string script, string reason)
    {
        var effect = Run(script);

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal(reason, effect.Reason);
    }

    [Theory]
    [InlineData("pip install cmake")]
    [InlineData("pip install 'numpy==1.26.4' \"pandas>=2,<3\" gunicorn[gevent]")]
    [InlineData("pip install --upgrade pip setuptools wheel")]
    [InlineData("pip3 install --no-cache-dir git+https://github.com/org/repo.git@v1")]
    [InlineData("python -m pip install -U pip")]
    [InlineData("pip install /tmp/downloaded.whl")]
    public void Explicit_packages_read_nothing(string script)
    {
        var effect = Run(script);

        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
        Assert.Empty(effect.Reads);
    }

    [Fact]
    public void Pip_of_a_virtual_environment_writes_into_it()
    {
        Assert.Equal(["/opt/venv"], Run("/opt/venv/bin/pip install -r requirements.txt", new Dictionary<string, string> { ["requirements.txt"] = "x\n" }).Writes);
        Assert.Equal(["/venv"], Run("pip install flask", environment: new Dictionary<string, string> { ["VIRTUAL_ENV"] = "/venv" }).Writes);
        Assert.Equal(["/deps"], Run("pip install --target /deps flask").PackageFolders);
        Assert.Empty(Run("pip install --target /deps flask").Writes);
        Assert.Equal(["/opt/v"], Run(". /opt/v/bin/activate && pip install flask").Writes);
    }

    [Fact]
    public void Venv_creation_reads_nothing_and_writes_the_environment()
    {
        var effect = Run("python3 -m venv /opt/venv");

        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
        Assert.Equal(["/opt/venv"], effect.Writes);
        Assert.Equal([".venv"], Run("python -m venv .venv").Writes);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("python -m venv .venv").Kind);
    }

    [Fact]
    public void An_unreadable_requirements_file_is_an_unverified_install()
    {
        var effect = Run("pip install -r requirements.txt", contextUnknown: true);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.True(effect.Unverified);
    }

    [Fact]
    public void Poetry_with_no_root_reads_its_manifests()
    {
        var files = new Dictionary<string, string> { ["pyproject.toml"] = "[tool.poetry.dependencies]\npython = \"^3.11\"\n", ["poetry.lock"] = "" };

        var effect = Run("poetry config virtualenvs.create false && poetry install --only main --no-root --no-interaction", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["pyproject.toml", "poetry.lock?", "poetry.toml?"], effect.Reads());
        Assert.Contains("/usr/local/lib", effect.Writes);
        Assert.Empty(effect.MayRewrite);
    }

    [Fact]
    public void Poetry_without_no_root_installs_the_project_itself()
    {
        var effect = Run("poetry install", new Dictionary<string, string> { ["pyproject.toml"] = "", ["poetry.lock"] = "" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal("`poetry install` installs the project itself (no `--no-root`)", effect.Reason);
    }

    [Fact]
    public void A_constraints_file_named_by_the_environment_is_read()
    {
        var files = new Dictionary<string, string> { ["constraints.txt"] = "flask==3.0.0\n", ["requirements.txt"] = "flask\n" };
        var environment = new Dictionary<string, string> { ["PIP_CONSTRAINT"] = "constraints.txt" };

        var explicitPackage = Run("pip install gunicorn", files, environment: environment);
        var fromRequirements = Run("pip install -r requirements.txt", files, environment: environment);
        var findLinks = Run("pip install flask", files, environment: new Dictionary<string, string> { ["PIP_FIND_LINKS"] = "./wheels" });

        Assert.Equal(StepEffectKind.DependencyInstall, explicitPackage.Kind);
        Assert.Equal(["constraints.txt"], explicitPackage.Reads());
        Assert.Equal(["requirements.txt", "constraints.txt"], fromRequirements.Reads());
        Assert.Equal(StepEffectKind.NeedsSource, findLinks.Kind);
    }

    [Fact]
    public void Poetry_in_non_package_mode_never_installs_the_project()
    {
        var files = new Dictionary<string, string> { ["pyproject.toml"] = "[tool.poetry]\npackage-mode = false\n\n[tool.poetry.dependencies]\npython = \"^3.12\"\n", ["poetry.lock"] = "" };

        var effect = Run("poetry install --no-interaction", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
    }

    [Fact]
    public void Poetry_path_dependencies_need_the_source()
    {
        var files = new Dictionary<string, string> { ["pyproject.toml"] = "[tool.poetry.dependencies]\nshared = { path = \"../shared\", develop = true }\n" };

        var effect = Run("poetry install --no-root", files);

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains("path dependency", effect.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Poetry_without_a_lock_file_may_write_one()
    {
        Assert.Equal(["poetry.lock"], Run("poetry install --no-root", new Dictionary<string, string> { ["pyproject.toml"] = "" }).MayRewrite);
    }

    [Fact]
    public void Pipenv_deploy_reads_the_pipfile_and_its_lock()
    {
        var effect = Run("pipenv install --deploy --system", new Dictionary<string, string> { ["Pipfile"] = "[packages]\nflask = \"*\"\n", ["Pipfile.lock"] = "{}" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["Pipfile", "Pipfile.lock?", ".env?"], effect.Reads());
        Assert.Empty(effect.MayRewrite);
        Assert.Equal(["Pipfile.lock"], Run("pipenv install", new Dictionary<string, string> { ["Pipfile"] = "" }).MayRewrite);
    }

    [Fact]
    public void Pip_reads_the_config_file_of_pip_config_file()
    {
        var files = new Dictionary<string, string> { ["requirements.txt"] = "flask\n", ["pip.conf"] = "[global]\n" };

        Assert.Contains("pip.conf?", Run("pip install -r requirements.txt", files, environment: new Dictionary<string, string> { ["PIP_CONFIG_FILE"] = "pip.conf" }).Reads());
        Assert.DoesNotContain(Run("pip install -r requirements.txt", files, environment: new Dictionary<string, string> { ["PIP_CONFIG_FILE"] = "/etc/pip.conf" }).Reads(), read => read.Contains("pip.conf", StringComparison.Ordinal));
    }

    [Fact]
    public void Uv_pip_reads_the_project_configuration()
    {
        var files = new Dictionary<string, string> { ["requirements.txt"] = "flask\n", ["uv.toml"] = "[pip]\n", ["pyproject.toml"] = "[tool.uv]\n" };

        Assert.Contains("uv.toml?", Run("uv pip install --system -r requirements.txt", files).Reads());
        Assert.DoesNotContain("uv.toml?", Run("uv pip install --system --no-config -r requirements.txt", files).Reads());
        files.Remove("uv.toml");
        Assert.Contains("pyproject.toml?", Run("uv pip install --system -r requirements.txt", files).Reads());
        files["pyproject.toml"] = "[project]\nname = \"x\"\n";
        Assert.DoesNotContain("pyproject.toml?", Run("uv pip install --system -r requirements.txt", files).Reads());
    }

    [Theory]
    [InlineData("[tool.uv]\nfind-links = [\"./wheels\"]\n")]
    [InlineData("[tool.uv]\nfind-links = [\n  \"https://download.pytorch.org/whl/cpu\",\n  \"wheels\",\n]\n")]
    [InlineData("[[tool.uv.index]]\nname = \"local\"\nurl = \"./vendor/simple\"\nformat = \"flat\"\n")]
    public void Uv_sync_from_a_local_package_source_needs_the_source(string settings)
    {
        var effect = Run("uv sync --frozen", new Dictionary<string, string> { ["pyproject.toml"] = "[project]\nname = \"x\"\n" + settings, ["uv.lock"] = "" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal(StepEffectKind.DependencyInstall, Run("uv sync --frozen", new Dictionary<string, string> { ["pyproject.toml"] = "[project]\nname = \"x\"\n[[tool.uv.index]]\nurl = \"https://pypi.example/simple\"\n", ["uv.lock"] = "" }).Kind);
    }

    [Fact]
    public void A_poetry_file_dependency_needs_the_source()
    {
        var files = new Dictionary<string, string> { ["pyproject.toml"] = "[tool.poetry.dependencies]\nsdk = { file = \"vendor/sdk-1.0-py3-none-any.whl\" }\n", ["poetry.lock"] = "" };

        Assert.Equal(StepEffectKind.NeedsSource, Run("poetry install --no-root", files).Kind);
        files["pyproject.toml"] = "[tool.poetry.dependencies]\nsdk = { url = \"https://example.com/sdk-1.0.tar.gz\" }\n";
        Assert.Equal(StepEffectKind.DependencyInstall, Run("poetry install --no-root", files).Kind);
    }

    [Fact]
    public void Pipenv_loads_its_dotenv_file_unless_told_not_to()
    {
        var files = new Dictionary<string, string> { ["Pipfile"] = "", ["Pipfile.lock"] = "{}", [".env"] = "PIP_INDEX_URL=https://pypi.example/simple\n" };

        Assert.Contains(".env?", Run("pipenv sync", files).Reads());
        Assert.DoesNotContain(".env?", Run("pipenv sync", files, environment: new Dictionary<string, string> { ["PIPENV_DONT_LOAD_ENV"] = "1" }).Reads());
        Assert.Contains("config/pipenv.env?", Run("pipenv sync", files, environment: new Dictionary<string, string> { ["PIPENV_DOTENV_LOCATION"] = "config/pipenv.env" }).Reads());
    }

    [Fact]
    public void Uv_sync_of_a_virtual_project_installs_only_dependencies()
    {
        // No [build-system]: uv does not build or install the project itself.
        var files = new Dictionary<string, string> { ["pyproject.toml"] = "[project]\nname = \"app\"\ndependencies = [\"httpx\"]\n", ["uv.lock"] = "" };
        var synced = Run("uv sync --frozen --no-cache", files);
        Assert.Equal(StepEffectKind.DependencyInstall, synced.Kind);
        var packaged = Run("uv sync --frozen", new Dictionary<string, string> { ["pyproject.toml"] = "[project]\nname = \"app\"\n[tool.uv]\npackage = true\n", ["uv.lock"] = "" });
        Assert.Equal(StepEffectKind.NeedsSource, packaged.Kind);
    }

    [Fact]
    public void Uv_sync_needs_no_install_project()
    {
        var files = new Dictionary<string, string> { ["pyproject.toml"] = "[project]\nname = \"app\"\n\n[build-system]\nrequires = [\"hatchling\"]\n", ["uv.lock"] = "" };

        var synced = Run("uv sync --frozen --no-install-project --no-dev", files);
        var withProject = Run("uv sync --frozen", files);

        Assert.Equal(StepEffectKind.DependencyInstall, synced.Kind);
        Assert.Equal(["pyproject.toml", "uv.lock?", "uv.toml?", ".python-version?"], synced.Reads());
        Assert.Equal([".venv"], synced.Writes);
        Assert.Empty(synced.MayRewrite);
        Assert.Equal(StepEffectKind.NeedsSource, withProject.Kind);
        Assert.Equal("`uv sync --frozen` installs the project itself (no `--no-install-project`)", withProject.Reason);
        Assert.Equal(["uv.lock"], Run("uv sync --no-install-project", files).MayRewrite);
    }

    [Fact]
    public void Uv_workspaces_need_the_source()
    {
        var files = new Dictionary<string, string> { ["pyproject.toml"] = "[tool.uv.workspace]\nmembers = [\"packages/*\"]\n" };

        Assert.Equal(StepEffectKind.NeedsSource, Run("uv sync --locked --no-install-project", files).Kind);
    }

    [Fact]
    public void Uv_pip_install_follows_requirements_like_pip()
    {
        var effect = Run("uv pip install --system -r requirements.txt", new Dictionary<string, string> { ["requirements.txt"] = "-r base.txt\n", ["base.txt"] = "x\n" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["uv.toml?", "requirements.txt", "base.txt"], effect.Reads());
        Assert.Equal(["uv"], effect.Ecosystems);
    }

    [Fact]
    public void Running_a_project_script_needs_the_source()
    {
        Assert.Equal(StepEffectKind.NeedsSource, Run("python manage.py collectstatic --noinput").Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("python --version").Kind);
    }
}
