using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// The built <c>shelf serve</c> as its own process: it prints the address it listens on, answers
/// /health, and stops cleanly (exit 0) on SIGTERM and on Ctrl+C.
/// </summary>
public sealed class ServeProcessTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Theory]
    [InlineData("SIGTERM")]
    [InlineData("SIGINT")]
    public async Task Serve_PrintsItsAddress_AnswersHealth_AndStopsOnTheSignal(string signal)
    {
        var target = await fixture.NewDatabaseAsync();
        using var running = Start("--db", target.FilePath!, "serve", "--urls", "http://127.0.0.1:0");

        var serve = running.Process;
        var address = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        var health = await http.GetAsync(new Uri(new Uri(address!), "/health"));
        var sent = signal == "SIGTERM" ? UnixProcess.Terminate(serve.Id) : UnixProcess.Interrupt(serve.Id);
        await serve.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        var error = await serve.StandardError.ReadToEndAsync();

        Assert.Matches("^http://127\\.0\\.0\\.1:[0-9]+$", address);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(sent);
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("no owner yet", error, StringComparison.Ordinal);
        Assert.EndsWith("stopped\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_OnAPortInUse_SaysSoInOneLineAndExits()
    {
        var target = await fixture.NewDatabaseAsync();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var running = Start("--db", target.FilePath!, "serve", "--urls", $"http://127.0.0.1:{port}");
        var serve = running.Process;
        await serve.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var error = await serve.StandardError.ReadToEndAsync();

        Assert.Equal(2, serve.ExitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: cannot listen on http://127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }

    private static Running Start(params string[] args) => new(ShelfProcess.Launch(args));

    /// <summary>Kills the server when a test fails before stopping it, so no process outlives its test.</summary>
    private sealed class Running(Process process) : IDisposable
    {
        public Process Process { get; } = process;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }
}
