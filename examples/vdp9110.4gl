#---------------------------------------------------------------#
# PROGRAMA: vdp9110 - CADASTRO DE TRANSPORTADORAS (exemplo      #
#           sintético, interface em metadados _ADVPL_)          #
# OBS.....: chamadas de preparação antes do LOG_initApp         #
#---------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa LIKE empresa.cod_empresa,
          p_user        LIKE usuario.nom_usuario
END GLOBALS

DEFINE m_form_program   VARCHAR(10)

DEFINE mr_transp RECORD
          cod_transp   CHAR(15),
          nom_transp   CHAR(36),
          ies_situacao CHAR(01)
       END RECORD

#-------------------#
 FUNCTION vdp9110()
#-------------------#
   DEFINE l_status SMALLINT

   CALL fgl_setenv("ADVPL","1")
   CALL LOG_connectDatabase("DEFAULT")
   CALL log1400_isolation()

   CALL LOG_initApp('VDPPED,VDPLOG') RETURNING l_status

   IF NOT l_status THEN
      LET m_form_program = _ADVPL_create_component(NULL,"LFORMMETADATA")
      CALL _ADVPL_set_property(m_form_program,"INIT_FORM","vdp9110",mr_transp)
      CALL _ADVPL_set_property(m_form_program,"ADD_VALID_FIELD","ies_situacao","vdp9110_valid_situacao")
      CALL _ADVPL_set_property(m_form_program,"ACTIVATE",TRUE)
   END IF
END FUNCTION

#----------------------------------------#
 PRIVATE FUNCTION vdp9110_valid_situacao()
#----------------------------------------#
   CASE mr_transp.ies_situacao
      WHEN "A"
         RETURN TRUE
      WHEN "I"
         RETURN TRUE
      OTHERWISE
         CALL _ADVPL_message_box("Situação inválida: informe A (ativa) ou I (inativa).")
         RETURN FALSE
   END CASE
END FUNCTION
