# SYNTAX TEST "source.4gl.logix" "license calls and _ADVPL_ calls"

   IF LOG_initApp("PADRAO") <> 0 THEN
#     ^^^^^^^^^^^ support.function.license.4gl
#                 ^^^^^^^^ string.quoted.double.4gl
   CALL LOG_initApp('VDPPED,VDPLOG') RETURNING l_status
#       ^^^^^^^^^^^ support.function.license.4gl - entity.name.function.4gl
   call log_initapp("MANENG")
#       ^^^^^^^^^^^ support.function.license.4gl
   CALL log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2")
#       ^^^^^^^^^^^^^^^^^^^^^ support.function.license.4gl
        RETURNING p_status, p_cod_empresa, p_user
#       ^^^^^^^^^ keyword.control.flow.4gl
   IF NOT LOG001_ACESSA_USUARIO ("VDP","LOGERP") THEN
#         ^^^^^^^^^^^^^^^^^^^^^ support.function.license.4gl
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("VDPPED" ,"vdp9100,vdp9101")
#      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.function.license.4gl - support.function.advpl.4gl
  call _advpl_systemkey_setapplicenselist("WMS","vdp9100")
#      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.function.license.4gl

      LET m_form = _ADVPL_create_component(NULL,"LFORMMETADATA")
#                  ^^^^^^^^^^^^^^^^^^^^^^^ support.function.advpl.4gl - support.function.license.4gl
#                                          ^^^^ constant.language.4gl
      CALL _ADVPL_set_property(m_form,"ACTIVATE",TRUE)
#          ^^^^^^^^^^^^^^^^^^^ support.function.advpl.4gl
      CALL _advpl_get_property(m_form,"INIT_BROWSE") RETURNING m_browse
#          ^^^^^^^^^^^^^^^^^^^ support.function.advpl.4gl

# not calls: inside a comment, a string, or a longer name
   # CALL LOG_initApp("X")
#         ^^^^^^^^^^^ comment.line.number-sign.4gl - support.function.license.4gl
   -- CALL log001_acessa_usuario("X")
#          ^^^^^^^^^^^^^^^^^^^^^ comment.line.double-dash.4gl - support.function.license.4gl
   { CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS","x") }
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.4gl - support.function.license.4gl
   LET l_msg = "LOG_initApp failed"
#               ^^^^^^^^^^^ string.quoted.double.4gl - support.function.license.4gl
   CALL my_LOG_initApp("X")
#       ^^^^^^^^^^^^^^ entity.name.function.4gl - support.function.license.4gl
   CALL LOG_initApp_old("X")
#       ^^^^^^^^^^^^^^^ entity.name.function.4gl - support.function.license.4gl
