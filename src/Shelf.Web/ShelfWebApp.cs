using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Shelf.Core;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Web.Endpoints;
using Shelf.Web.Infrastructure;
using Shelf.Web.Jobs;
using Shelf.Web.Pages;
using Shelf.Web.Security;

namespace Shelf.Web;

/// <summary>
/// Composes the web host over Shelf's core: the same use cases the CLI runs, one scope (and one
/// context) per request, cookies for the pages and bearer tokens for scripts, problem details for
/// every error. <c>shelf serve</c> builds it; the tests build it on a free loopback port.
/// </summary>
public static class ShelfWebApp
{
    public static WebApplication Create(DatabaseTarget target, ShelfWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        // As many connections as requests work at once: with 4 more for uploads, downloads and the
        // import job, PostgreSQL's library page fell from about 1,400 to 1,150 requests/s and its
        // p99 rose from 38 to 50 ms (bench/web.sh); transfers wait for a connection like the rest.
        target = target.WithHostPool(options.MaxConcurrentRequests);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Shelf", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
        });

        // Requests are not logged line by line: the console is the person's, and errors come back as problems.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);

        // Standard output holds only the addresses 'shelf serve' listens on; every log line goes to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        // A host that cannot start is reported by 'shelf serve' in one line of its own.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);

        // Uploads a killed process left behind are nobody's: its jobs read as abandoned once their
        // heartbeats stop (ImportJobRules.StaleAfter), and its stash can no longer be confirmed.
        ProcessTempFolders.RemoveLeftovers(ImportJobWorker.FolderKind);
        ProcessTempFolders.RemoveLeftovers(UploadStash.FolderKind);

        AddServices(builder.Services, target, options);
        var app = builder.Build();
        UsePipeline(app);
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, DatabaseTarget target, ShelfWebOptions options)
    {
        // A long-running host does not migrate on a request: 'shelf serve' migrates before it starts,
        // and a library another program left behind is a 503 naming 'shelf db migrate'.
        // Nor does an import lock the book tables: the site's readers keep answering while it runs.
        services.AddShelfCore(target, core =>
        {
            core.MigrateOnOpen = false;
            core.Import = new ImportOptions { TakeTablesOnPostgres = false };
        });
        services.AddSingleton(options);
        services.AddScoped<LibraryRequest>();
        services.AddSingleton<UploadStash>();
        services.AddSingleton<ImportJobWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ImportJobWorker>());
        services.AddScoped<ImportJobStarter>();
        services.ConfigureHttpJsonOptions(json => WebJson.Configure(json.SerializerOptions));
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = StatusProblems.AddCode);

        services.AddDataProtection().SetApplicationName("shelf");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(keys =>
            keys.XmlRepository = new DatabaseKeyRepository(provider.GetRequiredService<IDbContextFactory<ShelfDbContext>>())));

        services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = "shelf";
                auth.DefaultChallengeScheme = "shelf";
            })
            .AddPolicyScheme("shelf", "Session cookie or API token", scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? TokenAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(SessionCookie.Configure)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(authorization => Policies.Configure(authorization, options));
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "shelf_antiforgery");
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);

        // Per address, on top of the per-account lockout in the core: one address guessing many accounts is slowed too.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LoginPages.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = (rejected, _) => new ValueTask(Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, WebErrorCodes.TooManyRequests, "too many login attempts from this address; wait a minute and try again"));
        });
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ShelfOpenApi>());
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(context =>
            ErrorResponses.WriteAsync(context, StatusCodes.Status500InternalServerError, WebErrorCodes.ServerError, "something went wrong on the server; nothing was changed; the server's log says more")));
        app.UseStatusCodePages(pages => ErrorResponses.WriteStatusAsync(pages.HttpContext));
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<OwnerGate>();
        app.UseRouting();

        // After routing, which tells uploads and downloads apart; before authentication, whose token look-up reads the database.
        app.UseMiddleware<RequestConcurrency>(app.Services.GetRequiredService<ShelfWebOptions>().MaxConcurrentRequests);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapAssetEndpoints();
        app.MapLoginPages();
        app.MapLibraryPages();
        app.MapBookPages();
        app.MapImportPages();
        app.MapSalePages();
        app.MapExportPages();
        app.MapAccountPages();
        app.MapAuthorPages();

        var api = app.MapGroup("/api/v1").AddEndpointFilter<LibraryReadyFilter>();
        api.MapBookEndpoints();
        api.MapAuthorEndpoints();
        api.MapShelfEndpoints();
        api.MapCatalogEndpoints();
        api.MapSaleEndpoints();

        app.MapOpenApi().AllowAnonymous();
    }
}
