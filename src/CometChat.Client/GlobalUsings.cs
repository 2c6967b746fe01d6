// The .NET namespaces nearly every file uses. The client's own namespaces stay explicit in each file, so that its
// floors (Errors, Json, Models, Validation, Http, Requests) and what each file reaches for remain visible.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Net.Http;
global using System.Threading;
global using System.Threading.Tasks;
