using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shelf.Core.Data;

/// <summary>
/// The queries send a list of ids as one array parameter (<c>EF.Parameter(ids).Contains(b.Id)</c>:
/// json_each on SQLite, <c>= ANY</c> on PostgreSQL), so a plan is prepared once however long the
/// list. Oracle's MySQL provider cannot turn such a parameter into a table and fails to translate
/// the query. On MySQL the <c>EF.Parameter</c> wrapper is taken off before EF compiles the query,
/// so each list gets the context's mode, <c>IN (@p1, @p2, ...)</c> (ShelfDbContextFactory), and no
/// use case has to know which engine it runs on.
/// </summary>
internal sealed class MySqlListParameters : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly MySqlListParameters Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node) =>
        node.Method.DeclaringType == typeof(EF) && node.Method.Name == nameof(EF.Parameter)
            ? Visit(node.Arguments[0])
            : base.VisitMethodCall(node);
}
