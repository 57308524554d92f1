using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Shelf.Web.Infrastructure;

/// <summary>The OpenAPI document's title, description and the bearer scheme every API call may use.</summary>
internal sealed class ShelfOpenApi : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Shelf",
            Version = "v1",
            Description = "Your book collection over HTTP. Errors are RFC 9457 problem details with a stable 'code' member. "
                + "Authenticate with the session cookie of the pages or 'Authorization: Bearer TOKEN' (a token from 'shelf token create').",
        };
        return Task.CompletedTask;
    }
}
