using System.Net;
using System.Text.Json;

namespace Shelf.Web.Tests;

/// <summary>Reads a response as RFC 9457 problem details, asserting it is one.</summary>
public static class Problem
{
    public static async Task<(HttpStatusCode Status, string Code, string Detail)> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.GetProperty("code").GetString()!, json.RootElement.GetProperty("detail").GetString()!);
    }

    public static async Task<string> CodeAsync(HttpResponseMessage response) => (await ReadAsync(response)).Code;
}
