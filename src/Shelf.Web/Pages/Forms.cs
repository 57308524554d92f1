using System.Text;
using Microsoft.AspNetCore.Http;

namespace Shelf.Web.Pages;

/// <summary>Labelled form fields, each value encoded; one line per field so a phone shows them stacked.</summary>
internal static class Forms
{
    // The hint is outside the label and tied to the field by aria-describedby: a screen reader
    // reads it after the name, and the name stays short ("Pages", not "Pages 1 to 5").
    public static string Field(string name, string label, string? value, string type = "text", bool required = false, string? hint = null) =>
        $"<div class=\"field\"><label for=\"f-{name}\">{Html.Encode(label)}</label>"
        + $"<input id=\"f-{name}\" name=\"{name}\" type=\"{type}\" value=\"{Html.Encode(value)}\"{(required ? " required" : string.Empty)}{Described(name, hint)}>{Hint(name, hint)}</div>";

    public static string Area(string name, string label, string? value, string? hint = null) =>
        $"<div class=\"field\"><label for=\"f-{name}\">{Html.Encode(label)}</label>"
        + $"<textarea id=\"f-{name}\" name=\"{name}\" rows=\"3\"{Described(name, hint)}>{Html.Encode(value)}</textarea>{Hint(name, hint)}</div>";

    private static string Described(string name, string? hint) => hint is null ? string.Empty : $" aria-describedby=\"f-{name}-hint\"";

    private static string Hint(string name, string? hint) => hint is null ? string.Empty : $"<small id=\"f-{name}-hint\" class=\"muted\">{Html.Encode(hint)}</small>";

    public static string Error(string? message) =>
        message is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{Html.Encode(message)}</p>";

    /// <summary>A POST form carrying the antiforgery token; "stack" lays its fields one under another, "inline" puts a button in a table cell.</summary>
    public static string Open(HttpContext context, string action, bool upload = false, string layout = "stack") =>
        $"<form class=\"{layout}\" method=\"post\" action=\"{Html.Encode(action)}\"{(upload ? " enctype=\"multipart/form-data\"" : string.Empty)}>{Html.Antiforgery(context)}";

    /// <summary>A form's text value, or null when the field was not sent at all (so an edit leaves it alone).</summary>
    public static string? Value(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static StringBuilder Builder(string heading) => new StringBuilder("<h1>").Append(Html.Encode(heading)).Append("</h1>");
}
