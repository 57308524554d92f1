using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Domain;
using Shelf.Core.Features.Sales;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Endpoints;

/// <summary><c>/api/v1/sales</c>: record, list, get, refund, delete, report; the ledger's rules and codes as on the CLI.</summary>
internal static class SaleEndpoints
{
    private static readonly string[] RecordFields = ["book", "quantity", "price", "discount", "currency", "orderNumber", "soldAt"];

    private static readonly string[] RefundFields = ["quantity", "refundedAt"];

    public static void MapSaleEndpoints(this RouteGroupBuilder api)
    {
        var sales = api.MapGroup("/sales").WithTags("Sales");
        sales.MapGet("/", ListAsync).RequireAuthorization(Policies.Read)
            .WithSummary("List sales and refunds, newest first; from/to (UTC days), book, author").Produces<Page<SaleView>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sales.MapGet("/report", ReportAsync).RequireAuthorization(Policies.Read)
            .WithSummary("Totals by book, author, month or year (by=), from/to").Produces<SalesReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sales.MapGet("/{sale}", GetAsync).RequireAuthorization(Policies.Read)
            .WithSummary("One sale and its refunds, by order number or id").Produces<SaleDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        sales.MapPost("/", RecordAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("Record a sale: {\"book\": id or ISBN, \"quantity\": 2, \"price\": \"9.99\", \"discount\": \"10%\"}").Accepts<JsonElement>("application/json")
            .Produces<SaleView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sales.MapPost("/{sale}/refund", RefundAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("Refund copies of a sale (all that are left unless quantity is given)").Accepts<JsonElement>("application/json")
            .Produces<SaleView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sales.MapDelete("/{sale}", DeleteAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("Delete a ledger row recorded by mistake").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ListSales list, string? from, string? to, string? book, string? author, string? limit, string? offset, CancellationToken cancellationToken)
    {
        var paging = Paging.Read(limit, offset);
        if (!paging.IsSuccess)
        {
            return Problems.Of(paging.Error!);
        }

        var page = paging.Value;
        var listed = await list.ExecuteAsync(new ListSalesRequest { From = from, To = to, Book = book, Author = author, Limit = page.Limit + 1, Offset = page.Offset, CountTotal = true }, cancellationToken);
        return listed.IsSuccess ? Results.Ok(page.PageOf(listed.Value.Sales, listed.Value.Total, request)) : Problems.Of(listed.Error!);
    }

    private static async Task<IResult> ReportAsync(ReportSales report, string? by, string? from, string? to, CancellationToken cancellationToken)
    {
        var grouping = Choices.Read<SalesGrouping>(by, "by");
        if (!grouping.IsSuccess)
        {
            return Problems.Of(grouping.Error!);
        }

        var done = await report.ExecuteAsync(new ReportSalesRequest(grouping.Value ?? SalesGrouping.Month) { From = from, To = to }, cancellationToken);
        return done.IsSuccess ? Results.Ok(done.Value) : Problems.Of(done.Error!);
    }

    private static async Task<IResult> GetAsync(string sale, GetSale get, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(sale, cancellationToken);
        return found.IsSuccess ? Results.Ok(found.Value) : Problems.Of(found.Error!);
    }

    private static async Task<IResult> RecordAsync(JsonElement body, RecordSale record, CancellationToken cancellationToken)
    {
        var read = JsonFields.Read(body, RecordFields, "{\"book\": 12, \"quantity\": 2}");
        if (!read.IsSuccess)
        {
            return Problems.Of(read.Error!);
        }

        var fields = read.Value;
        var recorded = await record.ExecuteAsync(
            new RecordSaleRequest(fields.Text("book") ?? string.Empty, fields.Text("quantity"))
            {
                Price = fields.Text("price"),
                Discount = fields.Text("discount"),
                Currency = fields.Text("currency"),
                OrderNumber = fields.Text("orderNumber"),
                SoldAt = fields.Text("soldAt"),
                DefaultCurrency = Currency.Fallback,
            },
            cancellationToken);
        return recorded.IsSuccess ? Results.Created($"/api/v1/sales/{Uri.EscapeDataString(recorded.Value.OrderNumber)}", recorded.Value) : Problems.Of(recorded.Error!);
    }

    private static async Task<IResult> RefundAsync(string sale, JsonElement body, RefundSale refund, CancellationToken cancellationToken)
    {
        var read = JsonFields.Read(body, RefundFields, "{\"quantity\": 1}");
        if (!read.IsSuccess)
        {
            return Problems.Of(read.Error!);
        }

        var refunded = await refund.ExecuteAsync(new RefundSaleRequest(sale) { Quantity = read.Value.Text("quantity"), RefundedAt = read.Value.Text("refundedAt") }, cancellationToken);
        return refunded.IsSuccess ? Results.Created($"/api/v1/sales/{Uri.EscapeDataString(refunded.Value.OrderNumber)}", refunded.Value) : Problems.Of(refunded.Error!);
    }

    private static async Task<IResult> DeleteAsync(string sale, DeleteSale delete, CancellationToken cancellationToken)
    {
        var deleted = await delete.ExecuteAsync(sale, cancellationToken);
        return deleted.IsSuccess ? Results.NoContent() : Problems.Of(deleted.Error!);
    }
}
