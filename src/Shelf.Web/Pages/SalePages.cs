using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Domain;
using Shelf.Core.Features.Sales;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Pages;

/// <summary>The sales page: the latest sales, a form to record one, refunds, and the report by month.</summary>
internal static class SalePages
{
    public static void MapSalePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sales", ShowAsync).RequireAuthorization(Policies.Read).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/sales", RecordAsync).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/sales/{sale}/refund", RefundAsync).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
    }

    private static Task<IResult> ShowAsync(HttpContext context, ListSales list, ReportSales report, string? book, CancellationToken cancellationToken) =>
        PageAsync(context, list, report, book, null, null, StatusCodes.Status200OK, cancellationToken);

    private static async Task<IResult> RecordAsync(HttpContext context, RecordSale record, ListSales list, ReportSales report, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var recorded = await record.ExecuteAsync(
            new RecordSaleRequest(Forms.Value(form, "book") ?? string.Empty, Forms.Value(form, "quantity"))
            {
                Price = Empty(Forms.Value(form, "price")),
                Discount = Empty(Forms.Value(form, "discount")),
                DefaultCurrency = Currency.Fallback,
            },
            cancellationToken);
        return recorded.IsSuccess
            ? Results.Redirect("/sales")
            : await PageAsync(context, list, report, Forms.Value(form, "book"), form, recorded.Error!.Message, Problems.StatusOf(recorded.Error), cancellationToken);
    }

    private static async Task<IResult> RefundAsync(HttpContext context, string sale, RefundSale refund, ListSales list, ReportSales report, CancellationToken cancellationToken)
    {
        var refunded = await refund.ExecuteAsync(new RefundSaleRequest(sale), cancellationToken);
        return refunded.IsSuccess
            ? Results.Redirect("/sales")
            : await PageAsync(context, list, report, null, null, refunded.Error!.Message, Problems.StatusOf(refunded.Error), cancellationToken);
    }

    private static async Task<IResult> PageAsync(HttpContext context, ListSales list, ReportSales report, string? book, IFormCollection? form, string? error, int status, CancellationToken cancellationToken)
    {
        var canEdit = context.User.CanEdit();
        var body = Forms.Builder("Sales").Append(Forms.Error(error));
        if (canEdit)
        {
            body.Append("<h2>Record a sale</h2>")
                .Append(Forms.Open(context, "/sales"))
                .Append(Forms.Field("book", "Book (id or ISBN)", form is null ? book : Forms.Value(form, "book"), required: true))
                .Append(Forms.Field("quantity", "Quantity", form is null ? "1" : Forms.Value(form, "quantity"), required: true))
                .Append(Forms.Field("price", "Price each", form is null ? null : Forms.Value(form, "price"), hint: "empty for the book's list price"))
                .Append(Forms.Field("discount", "Discount", form is null ? null : Forms.Value(form, "discount"), hint: "10% or 0.1"))
                .Append("<button type=\"submit\">Record</button></form>");
        }

        var sales = await list.ExecuteAsync(new ListSalesRequest { Limit = 50, NewestFirst = true }, cancellationToken);
        body.Append("<h2>Latest</h2>").Append(Table(context, sales.Value?.Sales ?? [], canEdit, "No sales yet."));

        var byMonth = await report.ExecuteAsync(new ReportSalesRequest(SalesGrouping.Month), cancellationToken);
        if (byMonth.IsSuccess && byMonth.Value.Lines.Count > 0)
        {
            body.Append("<h2>By month</h2><table><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Sold</th><th scope=\"col\">Refunded</th><th scope=\"col\">Net</th></tr></thead><tbody>");
            foreach (var line in byMonth.Value.Lines)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Encode(line.Group)}</td><td>{line.UnitsSold}</td><td>{line.UnitsRefunded}</td><td>{Html.Encode(line.Net.ToString(CultureInfo.InvariantCulture))} {line.Currency}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        return Html.Page(context, "Sales", body.ToString(), status);
    }

    /// <summary>Sales as a table, with a refund button for an editor; shared with a book's page.</summary>
    public static string Table(HttpContext context, IReadOnlyList<SaleView> sales, bool canEdit, string none)
    {
        if (sales.Count == 0)
        {
            return $"<p>{Html.Encode(none)}</p>";
        }

        var table = new System.Text.StringBuilder("<table><thead><tr><th scope=\"col\">Order</th><th scope=\"col\">Book</th><th scope=\"col\">Qty</th><th scope=\"col\">Total</th><th scope=\"col\" class=\"hide-small\">Sold</th><th scope=\"col\"></th></tr></thead><tbody>");
        foreach (var sale in sales)
        {
            var refundForm = canEdit && sale.Kind == SaleKind.Sale
                ? $"<form method=\"post\" action=\"/sales/{Uri.EscapeDataString(sale.OrderNumber)}/refund\">{Html.Antiforgery(context)}<button class=\"link\" type=\"submit\">Refund</button></form>"
                : string.Empty;
            table.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Encode(sale.OrderNumber)}</td><td>{Html.Encode(sale.Title)}</td><td>{sale.Quantity}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{sale.Total.ToString(CultureInfo.InvariantCulture)} {sale.Currency}</td><td class=\"hide-small\">{sale.SoldAt:yyyy-MM-dd}</td><td>{refundForm}</td></tr>");
        }

        return table.Append("</tbody></table>").ToString();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
