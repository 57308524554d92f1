using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// A <c>shelf serve</c> process a test started on a free loopback port: its address (the first
/// line it prints), clients for it, and a stop by SIGTERM to its own pid. Killed, by that pid,
/// when the test ends first.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    private readonly Task<string> _error;

    private ServeProcess(Process process, Uri address, Task<string> error)
    {
        Process = process;
        Address = address;
        _error = error;
    }

    public Process Process { get; }

    public Uri Address { get; }

    public static async Task<ServeProcess> StartAsync(string db, params string[] serveOptions)
    {
        var process = ShelfProcess.Launch(["--db", db, "serve", "--urls", "http://127.0.0.1:0", .. serveOptions]);
        var error = process.StandardError.ReadToEndAsync();
        var address = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (address is null)
        {
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"shelf serve ended (exit code {process.ExitCode}) without listening: {await error}");
        }

        return new ServeProcess(process, new Uri(address), error);
    }

    /// <summary>A client that follows no redirects; with a token it sends it, with a container it keeps cookies.</summary>
    public HttpClient Client(string? token = null, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>Starts an import job of <paramref name="file"/> (<c>Prefer: respond-async</c>); the job's address.</summary>
    public static async Task<Uri> StartImportJobAsync(HttpClient client, string file)
    {
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(File.OpenRead(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", Path.GetFileName(file));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = form };
        request.Headers.Add("Prefer", "respond-async");
        using var accepted = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return accepted.Headers.Location!;
    }

    public static Task<JsonElement> GetJobAsync(HttpClient client, Uri job) => client.GetFromJsonAsync<JsonElement>(job);

    /// <summary>Sends SIGTERM, as systemd or a container runtime stops a service, and waits for the exit.</summary>
    public async Task<(int ExitCode, string Error)> StopAsync()
    {
        Assert.True(UnixProcess.Terminate(Process.Id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Process.WaitForExitAsync(timeout.Token);
        return (Process.ExitCode, await _error);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
