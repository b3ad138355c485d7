// Badge classes and bulk-award jobs as the service returns them.

export interface BadgeClass { id: string; url: string; tierKey?: string; name: string }
export interface Job { id: string; total: number; processed: number; failed: number; status: string; errors?: Array<{ index: number; email?: string; message: string }> }
