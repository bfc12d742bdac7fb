using System.Diagnostics;
using System.Reflection;

namespace EcosystemMarket.KubernetesTests;

/// <summary>
/// Renders an overlay of <c>k8s/</c> with <c>kubectl kustomize</c> (Debian's <c>kubernetes-client</c>; <c>./run.sh test</c>
/// installs it), as <c>kubectl apply -k</c> would before sending it to a cluster.
/// </summary>
public static class Kustomize
{
    public static readonly string[] Overlays = ["dev", "production"];

    public static string RepositoryRoot { get; } = typeof(Kustomize).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string OverlayDirectory(string overlay) => Path.Combine(RepositoryRoot, "k8s", "overlays", overlay);

    public static string Render(string directory)
    {
        var startInfo = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("kubectl is not installed: apt-get install -y kubernetes-client (./run.sh test does).", missing);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {directory} failed: {error.Result}");
            }
            return output.Result;
        }
    }

    private static readonly Dictionary<string, RenderedSystem> Rendered = [];

    /// <summary>The overlay rendered and read into typed objects, once per test run.</summary>
    public static RenderedSystem System(string overlay)
    {
        lock (Rendered)
        {
            if (!Rendered.TryGetValue(overlay, out var system))
            {
                system = new RenderedSystem(overlay, KubernetesSchema.Read(Render(OverlayDirectory(overlay))));
                Rendered[overlay] = system;
            }
            return system;
        }
    }
}
